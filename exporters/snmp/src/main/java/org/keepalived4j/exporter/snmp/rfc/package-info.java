/**
 * The standard VRRP MIBs as keepalived 2.2.7 serves them: VRRP-MIB (RFC 2787,
 * {@link org.keepalived4j.exporter.snmp.rfc.VrrpMibSection},
 * {@link org.keepalived4j.exporter.snmp.rfc.VrrpMibNotifications}) for VRRPv2 instances over
 * IPv4, and VRRPv3-MIB (RFC 6527, {@link org.keepalived4j.exporter.snmp.rfc.Vrrpv3MibSection},
 * {@link org.keepalived4j.exporter.snmp.rfc.Vrrpv3MibNotifications}) for every instance.
 * keepalived sends, for one change, KEEPALIVED-MIB's notification first, then RFC 2787's, then
 * RFC 6527's: an exporter that combines the sources asks them in that order.
 */
package org.keepalived4j.exporter.snmp.rfc;
