package org.keepalived4j.vrrp.net;

import java.io.IOException;
import java.util.List;

/** Adds and removes virtual addresses on interfaces. */
public interface VipInstaller extends AutoCloseable {

    /**
     * Adds {@code vip}.
     *
     * @return {@link AddressChange#ADDED}, or {@link AddressChange#ALREADY_PRESENT} when the
     *     kernel answered EEXIST
     * @throws org.keepalived4j.linux.NetlinkException for any other refusal
     */
    AddressChange add(VipAddress vip) throws IOException;

    /**
     * Removes {@code vip}.
     *
     * @return {@link AddressChange#REMOVED}, or {@link AddressChange#NOT_PRESENT} when the kernel
     *     answered EADDRNOTAVAIL
     */
    AddressChange remove(VipAddress vip) throws IOException;

    /** The addresses currently on interface {@code interfaceIndex}. */
    List<InstalledAddress> list(int interfaceIndex) throws IOException;

    @Override
    void close();
}
