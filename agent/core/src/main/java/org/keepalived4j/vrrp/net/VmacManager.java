package org.keepalived4j.vrrp.net;

import java.io.IOException;

/**
 * Creates and deletes the macvlan interfaces of {@code use_vmac}, configured as keepalived
 * 2.2.7 configures them:
 * <ul>
 * <li>macvlan in private mode on the base interface, MAC 00:00:5e:00:01:VRID (IPv4) or
 *     00:00:5e:00:02:VRID (IPv6), IPv6 address generation off, then set up;
 * <li>IPv4: on the VMAC {@code arp_ignore=1}, {@code accept_local=1}, {@code rp_filter=0},
 *     {@code promote_secondaries=1} and IPv6 disabled; on the base interface
 *     {@code arp_ignore=1} and {@code arp_filter=1} while any VMAC sits on it;
 * <li>IPv6: the base interface's link-local address is added to the VMAC (nodad, preferred
 *     lifetime 0) so that adverts can be sent from it through the VMAC.
 * </ul>
 * Unlike keepalived 2.2.7, which leaves them changed, the base interface's previous
 * {@code arp_ignore} / {@code arp_filter} values are restored when its last VMAC is deleted.
 * Sysctls are written from the calling thread, so call it from a thread in the network
 * namespace the manager was opened in.
 */
public interface VmacManager extends AutoCloseable {

    /**
     * Creates (or adopts a matching existing) VMAC interface and brings it up.
     *
     * @throws IOException when the name belongs to an interface that is not this VMAC, or a
     *     kernel request fails (a VMAC created by the failing call is deleted again)
     */
    VmacLink create(VmacSpec spec) throws IOException;

    /** Deletes a VMAC created here (an adopted one stays) and releases the base interface settings. */
    void delete(VmacLink link) throws IOException;

    /** Closes the netlink socket; VMAC interfaces stay as they are. */
    @Override
    void close();
}
