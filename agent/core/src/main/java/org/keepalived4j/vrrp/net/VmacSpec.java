package org.keepalived4j.vrrp.net;

/**
 * A VMAC interface to create for {@code use_vmac}.
 *
 * @param name the interface name ({@code use_vmac NAME}; keepalived's default is
 *     {@code vrrp.VRID})
 * @param baseInterfaceIndex the interface the instance runs on
 * @param vrid the virtual router id, which fixes the MAC
 * @param ipv6 whether the instance is IPv6 (MAC 00:00:5e:00:02:VRID instead of ...:01:VRID)
 */
public record VmacSpec(String name, int baseInterfaceIndex, int vrid, boolean ipv6) {

    public VmacSpec {
        if (name == null || name.isEmpty() || name.length() > 15 || name.contains("/")
                || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("invalid interface name: " + name);
        }
        if (baseInterfaceIndex <= 0) {
            throw new IllegalArgumentException("base interface index must be positive: " + baseInterfaceIndex);
        }
        if (vrid < 1 || vrid > 255) {
            throw new IllegalArgumentException("VRID out of range 1-255: " + vrid);
        }
    }

    /** The spec with keepalived's default name {@code vrrp.VRID}. */
    public static VmacSpec withDefaultName(int baseInterfaceIndex, int vrid, boolean ipv6) {
        return new VmacSpec("vrrp." + vrid, baseInterfaceIndex, vrid, ipv6);
    }

    /** The virtual router MAC address of RFC 5798 section 7.3. */
    public MacAddress mac() {
        return MacAddress.virtualRouter(vrid, ipv6);
    }
}
