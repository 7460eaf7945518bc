package org.keepalived4j.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keepalived4j.model.ScriptStatus;

class ScriptVerdictTest {

    @Test
    void goesBadOnlyAfterFallConsecutiveFailures() {
        ScriptVerdict v = new ScriptVerdict(1, 3, false);
        assertThat(v.record(true)).isEqualTo(ScriptStatus.GOOD);
        assertThat(v.record(false)).isEqualTo(ScriptStatus.GOOD);
        assertThat(v.record(false)).isEqualTo(ScriptStatus.GOOD);
        assertThat(v.record(true)).isEqualTo(ScriptStatus.GOOD);
        assertThat(v.record(false)).isEqualTo(ScriptStatus.GOOD);
        assertThat(v.record(false)).isEqualTo(ScriptStatus.GOOD);
        assertThat(v.record(false)).isEqualTo(ScriptStatus.BAD);
    }

    @Test
    void comesBackAfterRiseConsecutiveSuccesses() {
        ScriptVerdict v = new ScriptVerdict(3, 1, true);
        assertThat(v.status()).isEqualTo(ScriptStatus.BAD);
        assertThat(v.record(true)).isEqualTo(ScriptStatus.BAD);
        assertThat(v.record(true)).isEqualTo(ScriptStatus.BAD);
        assertThat(v.record(true)).isEqualTo(ScriptStatus.GOOD);
    }

    @Test
    void startsInInitAndDecidesOnTheFirstRunWithDefaultRiseAndFall() {
        ScriptVerdict ok = new ScriptVerdict(1, 1, false);
        assertThat(ok.status()).isEqualTo(ScriptStatus.INIT);
        assertThat(ok.record(true)).isEqualTo(ScriptStatus.GOOD);
        ScriptVerdict bad = new ScriptVerdict(1, 1, false);
        assertThat(bad.record(false)).isEqualTo(ScriptStatus.BAD);
    }
}
