package org.keepalived4j.vrrp;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.Set;
import org.keepalived4j.vrrp.net.InstalledAddress;
import org.keepalived4j.vrrp.net.VipAddress;

/**
 * Which addresses are on which interface, as the kernel says: filled by the link monitor's
 * dump and change notifications, and by the answers to our own adds and removes (so that a
 * snapshot published right after a transition already shows them). What exporters call
 * "installed" is read here, not from what an instance believes it did. Loop thread only.
 */
final class AddressPresence {

    private record Key(int interfaceIndex, InetAddress address, int prefixLength) {
    }

    private final Set<Key> present = new HashSet<>();

    /** Records a kernel report; whether it changed what is known. */
    boolean reported(InstalledAddress address, boolean isPresent) {
        return set(new Key(address.interfaceIndex(), address.address(), address.prefixLength()), isPresent);
    }

    /** Records the outcome of our own add or remove; whether it changed what is known. */
    boolean changed(VipAddress vip, boolean isPresent) {
        return set(key(vip), isPresent);
    }

    boolean contains(VipAddress vip) {
        return present.contains(key(vip));
    }

    /** Forgets every address of an interface that went away. */
    void interfaceRemoved(int interfaceIndex) {
        present.removeIf(k -> k.interfaceIndex() == interfaceIndex);
    }

    private boolean set(Key key, boolean isPresent) {
        return isPresent ? present.add(key) : present.remove(key);
    }

    private static Key key(VipAddress vip) {
        return new Key(vip.interfaceIndex(), vip.address(), vip.prefixLength());
    }
}
