package org.keepalived4j.check;

import org.keepalived4j.config.GlobalConfig;
import org.keepalived4j.config.KeepalivedConfig;
import org.keepalived4j.config.SslConfig;
import org.keepalived4j.ipvs.IpvsRelease;

/**
 * The global settings the checker subsystem needs.
 *
 * @param rsInitNotifies {@code rs_init_notifies}: report real servers that start up as an event
 * @param logAllFailures {@code checker_log_all_failures}
 * @param scriptUser {@code script_user} for MISC_CHECK scripts without {@code user}, or {@code null} (current user)
 * @param scriptGroup its group, or {@code null}
 * @param ssl the {@code SSL} block for SSL_GET, or {@code null}
 * @param eventLoops how many event-loop threads run the checks (0: one per core)
 * @param lvsFlush {@code lvs_flush}: flush the whole IPVS table at start
 * @param ipvsRelease what a clean stop removes from IPVS ({@code lvs_flush_onstop})
 */
public record LvsSettings(boolean rsInitNotifies, boolean logAllFailures, String scriptUser, String scriptGroup,
        SslConfig ssl, int eventLoops, boolean lvsFlush, IpvsRelease ipvsRelease) {

    public static final LvsSettings DEFAULTS = new LvsSettings(false, false, null, null, null, 0, false,
            IpvsRelease.SERVERS_AND_SERVICES);

    /** The settings of a parsed configuration. */
    public static LvsSettings from(KeepalivedConfig config) {
        GlobalConfig global = config.global();
        return new LvsSettings(global != null && global.rsInitNotifies(),
                global != null && global.checkerLogAllFailures(), global == null ? null : global.scriptUser(),
                global == null ? null : global.scriptGroup(), config.lvs().ssl(), 0,
                global != null && global.lvsFlush(), global == null ? IpvsRelease.SERVERS_AND_SERVICES
                        : release(global));
    }

    private static IpvsRelease release(GlobalConfig global) {
        return switch (global.lvsFlushOnStop()) {
            case FULL -> IpvsRelease.WHOLE_TABLE;
            case VS -> IpvsRelease.SERVICES;
            case NO -> IpvsRelease.SERVERS_AND_SERVICES;
        };
    }
}
