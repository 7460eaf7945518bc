package org.keepalived4j.model;

import java.time.Duration;

/**
 * A {@code vrrp_script} as configured.
 *
 * @param index its position among the vrrp_scripts, from 1 (KEEPALIVED-MIB's vrrpScriptIndex)
 * @param name the script's name
 * @param script the command and the user it runs as
 * @param interval {@code interval}
 * @param timeout {@code timeout} (the interval when not set)
 * @param weight {@code weight}
 * @param reverse {@code weight N reverse}
 * @param rise {@code rise}
 * @param fall {@code fall}
 * @param initFail {@code init_fail}: it starts failed rather than undecided
 */
public record VrrpScriptSettings(int index, String name, ScriptLine script, Duration interval, Duration timeout,
        int weight, boolean reverse, int rise, int fall, boolean initFail) {
}
