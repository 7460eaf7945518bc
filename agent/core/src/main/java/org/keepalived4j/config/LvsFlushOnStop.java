package org.keepalived4j.config;

/** {@code lvs_flush_onstop} (alias {@code lvs_flush_on_stop}): what a clean stop flushes from IPVS. */
public enum LvsFlushOnStop {
    /** Not given: the daemon removes each real server it added, then each of its virtual servers. */
    NO,
    /** Given with no argument: the whole IPVS table, whoever programmed it. */
    FULL,
    /** {@code lvs_flush_onstop VS}: each of the daemon's virtual servers, without their real servers one by one. */
    VS
}
