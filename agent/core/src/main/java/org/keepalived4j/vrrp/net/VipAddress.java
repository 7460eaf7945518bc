package org.keepalived4j.vrrp.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One virtual address to install on (or remove from) an interface, as a
 * {@code virtual_ipaddress} line describes it.
 *
 * @param interfaceIndex the interface ({@code dev}, or the instance's interface)
 * @param address the address
 * @param prefixLength the prefix length ({@code /MASK}; keepalived defaults to 32 / 128)
 * @param broadcast {@code brd} (IPv4 only), or null
 * @param peer {@code peer}, or null
 * @param label {@code label} (IPv4 only, at most 15 characters), or null
 * @param scope {@code scope}
 * @param flags kernel address flags
 * @param preferredLifetime {@code preferred_lft} in seconds, or {@link #FOREVER}
 */
public record VipAddress(int interfaceIndex, InetAddress address, int prefixLength, InetAddress broadcast,
        InetAddress peer, String label, AddressScope scope, Set<VipFlag> flags, long preferredLifetime) {

    /** {@code preferred_lft forever}. */
    public static final long FOREVER = -1;

    public VipAddress {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(scope, "scope");
        boolean ipv6 = address instanceof Inet6Address;
        if (interfaceIndex <= 0) {
            throw new IllegalArgumentException("interface index must be positive: " + interfaceIndex);
        }
        if (prefixLength < 0 || prefixLength > (ipv6 ? 128 : 32)) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range");
        }
        if (broadcast != null && (ipv6 || !(broadcast instanceof Inet4Address))) {
            throw new IllegalArgumentException("brd applies to IPv4 addresses only");
        }
        if (peer != null && (peer instanceof Inet6Address) != ipv6) {
            throw new IllegalArgumentException("peer " + peer.getHostAddress() + " is of another family");
        }
        if (label != null && (ipv6 || label.isEmpty() || label.length() > 15)) {
            throw new IllegalArgumentException("label must be 1-15 characters on an IPv4 address: " + label);
        }
        if (preferredLifetime < FOREVER || preferredLifetime >= 0xffffffffL) {
            throw new IllegalArgumentException("preferred lifetime out of range: " + preferredLifetime);
        }
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /**
     * {@code address/prefixLength} on an interface with keepalived's defaults: scope global, no
     * brd/label/peer, preferred forever, and NODAD for IPv6.
     */
    public static VipAddress of(int interfaceIndex, InetAddress address, int prefixLength) {
        Set<VipFlag> flags = address instanceof Inet6Address ? Set.of(VipFlag.NODAD) : Set.of();
        return new VipAddress(interfaceIndex, address, prefixLength, null, null, null, AddressScope.GLOBAL,
                flags, FOREVER);
    }

    public VipAddress withBroadcast(InetAddress value) {
        return new VipAddress(interfaceIndex, address, prefixLength, value, peer, label, scope, flags,
                preferredLifetime);
    }

    public VipAddress withPeer(InetAddress value) {
        return new VipAddress(interfaceIndex, address, prefixLength, broadcast, value, label, scope, flags,
                preferredLifetime);
    }

    public VipAddress withLabel(String value) {
        return new VipAddress(interfaceIndex, address, prefixLength, broadcast, peer, value, scope, flags,
                preferredLifetime);
    }

    public VipAddress withScope(AddressScope value) {
        return new VipAddress(interfaceIndex, address, prefixLength, broadcast, peer, label, value, flags,
                preferredLifetime);
    }

    public VipAddress withFlags(Set<VipFlag> value) {
        return new VipAddress(interfaceIndex, address, prefixLength, broadcast, peer, label, scope, value,
                preferredLifetime);
    }

    public VipAddress withPreferredLifetime(long seconds) {
        return new VipAddress(interfaceIndex, address, prefixLength, broadcast, peer, label, scope, flags,
                seconds);
    }

    /** Whether this is an IPv6 address. */
    public boolean ipv6() {
        return address instanceof Inet6Address;
    }

    /** The IFA_F_* bits of {@link #flags()}. */
    public int flagBits() {
        int bits = 0;
        for (VipFlag flag : flags) {
            bits |= flag.bit();
        }
        return bits;
    }

    /** {@code ADDRESS/PREFIX dev #INDEX}, for messages. */
    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength + " dev #" + interfaceIndex;
    }
}
