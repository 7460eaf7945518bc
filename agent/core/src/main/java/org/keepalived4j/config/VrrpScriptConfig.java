package org.keepalived4j.config;

/**
 * A {@code vrrp_script} block.
 *
 * @param name the block name
 * @param location where the block starts
 * @param command {@code script}: the command line
 * @param intervalMicros {@code interval} (default 1 s)
 * @param timeoutMicros {@code timeout}; 0 means the interval
 * @param weight {@code weight}, -253..253 (default 0: a failure means FAULT)
 * @param weightReverse {@code weight N reverse}
 * @param rise {@code rise} (default 1)
 * @param fall {@code fall} (default 1)
 * @param user {@code user}, or {@code null} for the global script_user
 * @param group the group given with {@code user}, or {@code null}
 * @param initFail {@code init_fail}: the script starts in the failed state
 */
public record VrrpScriptConfig(String name, SourceLocation location, String command, long intervalMicros,
        long timeoutMicros, int weight, boolean weightReverse, int rise, int fall, String user, String group,
        boolean initFail) {
}
