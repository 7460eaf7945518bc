package org.keepalived4j.exporter.jmx;

/**
 * A real server of a virtual server:
 * {@code keepalived:type=RealServer,virtualServer="IP:PORT/proto",name="IP:PORT"}. Sends an
 * {@link javax.management.AttributeChangeNotification} for {@code Alive} when it comes up or goes down.
 */
public interface RealServerMXBean {

    /** The owning virtual server's key. */
    String getVirtualServer();

    /** {@code IP:PORT} ({@code [IPv6]:PORT} for IPv6). */
    String getKey();

    /** The real server's address. */
    String getAddress();

    /** The real server's port (0 for fwmark services without a port). */
    int getPort();

    /** Whether every checker currently says the server is up. */
    boolean isAlive();

    /** The configured {@code weight}. */
    int getConfiguredWeight();

    /** The weight now: configured, changed by {@code misc_dynamic}, 0 when inhibited. */
    int getWeight();

    /** The checker types, e.g. {@code HTTP_GET}, comma-separated; empty if the server is unchecked. */
    String getCheckerType();

    /** Failed health checks since the server was created (every failed attempt counts). */
    long getFailedChecks();

    /** When the last check finished, ISO-8601 in UTC, or {@code null} before the first one. */
    String getLastCheckTime();

    /** How long the last check took, in milliseconds, or -1 before the first one. */
    double getLastCheckLatencyMillis();

    /** What the last check concluded, e.g. {@code OK} or {@code connection refused}; {@code null} before the first. */
    String getLastCheckResult();

    /** How many checks have finished (the count of the check-duration histogram). */
    long getCheckCount();
}
