package org.keepalived4j.model;

/**
 * One virtual (or excluded virtual) address of a VRRP instance.
 *
 * @param address the address with its prefix length, e.g. {@code 10.0.0.1/24} or {@code fe80::1/64}
 * @param device the interface it is installed on
 * @param label the interface label ({@code label eth0:1}), or {@code null}
 * @param scope the address scope ({@code global}, {@code link}, {@code host}...), or {@code null} for the default
 * @param installed whether the address is on the interface now, as the kernel reports it (whoever put
 *        it there): on a MASTER it should be, anywhere else it should not
 */
public record VipSnapshot(String address, String device, String label, String scope, boolean installed) {
}
