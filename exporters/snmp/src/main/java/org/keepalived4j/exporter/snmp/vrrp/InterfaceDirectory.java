package org.keepalived4j.exporter.snmp.vrrp;

/**
 * The network interfaces of the host, by name: what keepalived reads from its interface list
 * where a MIB wants an ifIndex or a MAC address but the configuration names an interface.
 */
public interface InterfaceDirectory {

    /** The interface's ifIndex, or 0 when there is no such interface (keepalived's value then). */
    int index(String name);

    /** The interface's hardware address, or an empty array when there is none. */
    byte[] hardwareAddress(String name);
}
