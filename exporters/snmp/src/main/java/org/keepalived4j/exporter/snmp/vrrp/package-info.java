/**
 * KEEPALIVED-MIB's vrrp subtree: {@link org.keepalived4j.exporter.snmp.vrrp.KeepalivedVrrpSection}
 * serves its tables and {@link org.keepalived4j.exporter.snmp.vrrp.KeepalivedVrrpNotifications}
 * sends its two notifications, both as keepalived 2.2.7 does (compared object by object with the
 * real keepalived in the tests). Also the encodings the standard VRRP MIBs share with it:
 * addresses ({@link org.keepalived4j.exporter.snmp.vrrp.InetAddresses}), TruthValue, table cells,
 * and the {@link org.keepalived4j.exporter.snmp.vrrp.InterfaceDirectory} that turns interface
 * names into ifIndex and MAC addresses.
 */
package org.keepalived4j.exporter.snmp.vrrp;
