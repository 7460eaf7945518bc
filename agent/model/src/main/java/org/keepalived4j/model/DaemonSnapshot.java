package org.keepalived4j.model;

import java.time.Instant;

/**
 * The daemon itself.
 *
 * @param version the keepalived4j version
 * @param routerId {@code router_id} from global_defs (the host name when unset)
 * @param pid the process id
 * @param started when the daemon started
 * @param configFile the configuration file in use
 * @param configLoaded when the configuration was last (re)loaded
 * @param reloads how many times a reloaded configuration has been applied
 * @param ipvsAvailable whether the kernel has IPVS; without it the daemon checks real servers
 *        and publishes their state but programs nothing (monitor-only mode)
 * @param reload how the reloads went (the last one applied or refused, and why)
 * @param settings global_defs as configured
 * @param router the VRRP packets no instance could take, counted for the whole daemon
 */
public record DaemonSnapshot(String version, String routerId, long pid, Instant started, String configFile,
        Instant configLoaded, long reloads, boolean ipvsAvailable, ReloadStatus reload, GlobalSettings settings,
        VrrpRouterCounters router) {
}
