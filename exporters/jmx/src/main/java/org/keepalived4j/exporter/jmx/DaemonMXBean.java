package org.keepalived4j.exporter.jmx;

/**
 * The daemon itself: {@code keepalived:type=Daemon}. Every value is read from the live state at
 * the moment of asking.
 */
public interface DaemonMXBean {

    /** The keepalived4j version, e.g. {@code 0.1.0}. */
    String getVersion();

    /** {@code router_id} from global_defs (the host name when unset). */
    String getRouterId();

    /** The daemon's process id. */
    long getPid();

    /** When the daemon started, ISO-8601 in UTC. */
    String getStarted();

    /** The configuration file in use (absolute path). */
    String getConfigFile();

    /** When the configuration was last loaded or reloaded, ISO-8601 in UTC. */
    String getConfigLoaded();

    /** How many reloaded configurations have been applied since the daemon started. */
    long getReloads();

    /**
     * Whether the last reload (SIGHUP) was applied: false when the daemon refused a configuration
     * with new errors and kept the running one. True when there has been no reload.
     */
    boolean isLastReloadSuccessful();

    /** How many reloads have been refused since the daemon started. */
    long getFailedReloads();

    /** Why the last reload was refused (its first problem, with file and line); null when it was applied. */
    String getLastReloadError();

    /**
     * Whether the kernel has IPVS. Without it real servers are still checked and published, but
     * nothing is programmed into the kernel (monitor-only mode).
     */
    boolean isIpvsAvailable();

    /** How many {@code vrrp_instance}s are configured now. */
    int getVrrpInstanceCount();

    /** How many {@code virtual_server}s are configured now. */
    int getVirtualServerCount();

    /** How many real servers are configured now, over all virtual servers. */
    int getRealServerCount();
}
