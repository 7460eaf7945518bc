/**
 * KEEPALIVED-MIB's global part (.1.3.6.1.4.1.9586.100.5.1): the version, router id, mail and
 * daemon-wide scalars, and the address encoding the whole MIB shares.
 */
package org.keepalived4j.exporter.snmp.global;
