package org.keepalived4j.model;

/** The verdict of a tracked script ({@code vrrp_script}), as keepalived reports it. */
public enum ScriptStatus {
    /** Not yet run enough times to reach a verdict ({@code init_fail} unset). */
    INIT,
    /** Failing: it has returned a failure {@code fall} times in a row. */
    BAD,
    /** Passing: it has returned success {@code rise} times in a row. */
    GOOD,
    /** Disabled: the script is missing, not executable, or unsafe under {@code enable_script_security}. */
    DISABLED;

    /** The common exporter's {@code keepalived_script_status} value: 1 GOOD, 0 otherwise. */
    public int exporterCode() {
        return this == GOOD ? 1 : 0;
    }
}
