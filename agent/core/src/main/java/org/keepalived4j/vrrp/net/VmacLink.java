package org.keepalived4j.vrrp.net;

/**
 * A VMAC interface in place.
 *
 * @param name its name
 * @param index its interface index
 * @param baseInterfaceIndex the interface it sits on
 * @param mac its MAC address
 * @param ipv6 whether it serves an IPv6 instance
 * @param created whether it was created here (and so is deleted by
 *     {@link VmacManager#delete}) rather than found already in place
 */
public record VmacLink(String name, int index, int baseInterfaceIndex, MacAddress mac, boolean ipv6,
        boolean created) {
}
