/**
 * The public face of a running keepalived4j daemon: immutable snapshots of every VRRP instance,
 * sync group, track script, virtual server and real server ({@link StateSnapshot}), the events
 * the daemon emits when any of them changes ({@link StateEvent}), the {@link StateView} that
 * serves both, and the {@link Exporter} service-provider interface through which JMX, Jolokia,
 * Prometheus and alert sinks plug in.
 *
 * <p>Nothing here depends on anything but the JDK, and nothing here is mutable: exporters read
 * a snapshot at the moment they are asked and never keep a copy of the daemon's state.
 */
package org.keepalived4j.model;
