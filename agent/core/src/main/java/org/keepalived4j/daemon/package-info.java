/**
 * The {@code keepalived4j} command and the daemon's lifecycle: the command line (keepalived's
 * flags), {@code -t} (the configuration test), the pid file, signals (SIGTERM stops, SIGHUP
 * reloads, refusing a file that would lose part of the running configuration), the exporters
 * found with {@link java.util.ServiceLoader}, and the notify scripts, the first consumer of the
 * event log besides the exporters.
 */
package org.keepalived4j.daemon;
