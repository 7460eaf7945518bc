package org.keepalived4j.config;

/**
 * {@code use_vmac [NAME] [MAC]} with {@code vmac_xmit_base} and {@code use_vmac_addr}.
 *
 * @param interfaceName the macvlan's name, or {@code null} for the default {@code vrrp.VRID}
 * @param mac the MAC address (5 octets are completed with the VRID), or {@code null} for
 *        00:00:5e:00:01:VRID (IPv4) / 00:00:5e:00:02:VRID (IPv6)
 * @param xmitBase {@code vmac_xmit_base}: send and receive adverts on the base interface
 * @param useVmacAddr {@code use_vmac_addr}
 */
public record VmacConfig(String interfaceName, String mac, boolean xmitBase, boolean useVmacAddr) {
}
