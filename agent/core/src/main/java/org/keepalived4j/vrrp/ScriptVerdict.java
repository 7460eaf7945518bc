package org.keepalived4j.vrrp;

import org.keepalived4j.model.ScriptStatus;

/**
 * keepalived's rise/fall bookkeeping for a vrrp_script (vrrp_scheduler.c): a result counter
 * that is GOOD at {@code rise + fall - 1}, drops one per failure and falls to 0 (BAD) on the
 * {@code fall}-th consecutive failure, and climbs back to GOOD after {@code rise} consecutive
 * successes. A script starts one success short of GOOD, or at 0 with {@code init_fail}.
 */
final class ScriptVerdict {

    private final int rise;
    private final int fall;
    private int result;
    private ScriptStatus status;

    ScriptVerdict(int rise, int fall, boolean initFail) {
        this.rise = Math.max(1, rise);
        this.fall = Math.max(1, fall);
        this.result = initFail ? 0 : this.rise - 1;
        this.status = initFail ? ScriptStatus.BAD : ScriptStatus.INIT;
    }

    ScriptStatus status() {
        return status;
    }

    /** Records one run; returns the new status. */
    ScriptStatus record(boolean success) {
        if (success) {
            if (result < rise - 1) {
                result++;
            } else {
                result = rise + fall - 1;
                status = ScriptStatus.GOOD;
            }
        } else {
            if (result > rise) {
                result--;
            } else {
                result = 0;
                status = ScriptStatus.BAD;
            }
        }
        return status;
    }
}
