/**
 * KEEPALIVED-MIB's checker part (.1.3.6.1.4.1.9586.100.5.3): the virtual server group, virtual
 * server and real server tables, and the realServerStateChange and virtualServerQuorumStateChange
 * notifications, as keepalived 2.2.7's checker process serves and sends them.
 */
package org.keepalived4j.exporter.snmp.check;
