/**
 * The JMX exporter: one MXBean per daemon, VRRP instance, sync group, virtual and real server in
 * the {@code keepalived} domain, read from the live state at each attribute read, with
 * notifications from the event log, and remote JMX (authenticated, optionally TLS) when
 * configured in {@code keepalived4j_jmx}.
 */
package org.keepalived4j.exporter.jmx;
