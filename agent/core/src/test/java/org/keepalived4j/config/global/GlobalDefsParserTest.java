package org.keepalived4j.config.global;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalived4j.config.ConfigResult;
import org.keepalived4j.config.Diagnostic;
import org.keepalived4j.config.GarpConfig;
import org.keepalived4j.config.GlobalConfig;
import org.keepalived4j.config.LvsFlushOnStop;
import org.keepalived4j.config.Parsing;
import org.keepalived4j.config.SchedulingConfig;
import org.keepalived4j.config.Severity;

class GlobalDefsParserTest {

    private static ConfigResult globals(String body) {
        return Parsing.parse("global_defs {\n" + body + "\n}\n");
    }

    @Test
    void rejectsZeroGarpAndGnaIntervals() {
        ConfigResult r = globals("vrrp_garp_interval 0\nvrrp_gna_interval 0");
        assertThat(Parsing.lines(r)).containsExactly(
                "2 ERROR vrrp_garp_interval '0' is invalid - number '0' outside range [0.000001, 4294.967295]",
                "3 ERROR vrrp_gna_interval '0' is invalid - number '0' outside range [0.000001, 4294.967295]");
        assertThat(r.config().global().garpIntervalMicros()).isZero();
    }

    @Test
    void readsMailSettingsWithDefaults() {
        ConfigResult r = globals("notification_email {\n a@x\n b@y\n}\nsmtp_server 127.0.0.1 2525\nrouter_id r1");
        assertThat(r.clean()).isTrue();
        GlobalConfig g = r.config().global();
        assertThat(g.smtp().recipients()).containsExactly("a@x", "b@y");
        assertThat(g.smtp().port()).isEqualTo(2525);
        assertThat(g.smtp().from()).isEqualTo("keepalived@testhost");
        assertThat(g.routerId()).isEqualTo("r1");
    }

    @Test
    void rejectsVrrpVersionOtherThanTwoOrThree() {
        ConfigResult r = globals("vrrp_version 4");
        assertThat(Parsing.lines(r)).containsExactly(
                "2 ERROR VRRP Error: Version must be either 2 or 3 - number '4' outside range [2, 3]");
    }

    @Test
    void raisesZeroConnectTimeoutToOneSecondWithAWarning() {
        ConfigResult r = globals("smtp_connect_timeout 0");
        assertThat(Parsing.lines(r)).containsExactly("2 WARNING smtp_conect_timeout must be greater than 0, setting to 1");
        assertThat(r.config().global().smtp().connectTimeoutMicros()).isEqualTo(1_000_000);
    }

    @Test
    void deprecatedSpellingsKeepalivedOnlyLogsLeaveTheConfigurationClean() {
        ConfigResult r = globals("lvs_process_name foo\nvrrp_rlimit_rtime 10000");
        assertThat(r.clean()).isTrue();
        assertThat(r.diagnostics()).extracting(Diagnostic::severity).containsOnly(Severity.INFO);
    }

    @Test
    void lvsFlushOnStopTellsAFullFlushFromOneOfTheVirtualServersOnly() {
        assertThat(globals("").config().global().lvsFlushOnStop()).isEqualTo(LvsFlushOnStop.NO);
        assertThat(globals("lvs_flush_onstop").config().global().lvsFlushOnStop()).isEqualTo(LvsFlushOnStop.FULL);
        assertThat(globals("lvs_flush_on_stop VS").config().global().lvsFlushOnStop()).isEqualTo(LvsFlushOnStop.VS);
        assertThat(Parsing.lines(globals("lvs_flush_onstop RS"))).singleElement().asString()
                .contains("Unknown lvs_flush_on_stop type RS");
        assertThat(globals("lvs_flush_onstop RS").config().global().lvsFlushOnStop()).isEqualTo(LvsFlushOnStop.NO);
        assertThat(globals("lvs_flush").config().global().lvsFlush()).isTrue();
    }

    @Test
    void reportsTheDeprecatedVmacGarpKeyword() {
        ConfigResult r = globals("vrrp_vmac_garp_intvl 10");
        assertThat(Parsing.lines(r)).containsExactly(
                "2 WARNING Keyword \"vrrp_vmac_garp_intvl\" is deprecated - please use \"vrrp_garp_extra_if\"");
        assertThat(r.config().global().garp().extraIfMicros()).isEqualTo(10_000_000);
    }

    @Test
    void validatesProcessTuningRanges() {
        ConfigResult r = globals("vrrp_priority -21\nchecker_rt_priority 150\nvrrp_no_swap");
        assertThat(Parsing.lines(r)).containsExactly(
                "2 ERROR Invalid vrrp process priority specified - number '-21' outside range [-20, 19]",
                "3 WARNING checker process real-time priority 150 greater than maximum 99 - setting to maximum");
    }

    @Test
    void keepsTheVrrpProcessSchedulingForTheVrrpThread() {
        ConfigResult r = globals("vrrp_rt_priority 40\nvrrp_rlimit_rttime 25000\nvrrp_priority -5\nvrrp_cpu_affinity 0\n"
                + "vrrp_no_swap");
        assertThat(r.clean()).isTrue();
        assertThat(r.config().global().vrrpScheduling()).isEqualTo(new SchedulingConfig(40, 25_000, -5, List.of(0), true));
    }

    @Test
    void readsTheAutomaticPriorityRaiseAsKeepalivedDoes() {
        SchedulingConfig s = globals("max_auto_priority 5\nmin_auto_priority_delay 20000").config().global()
                .vrrpScheduling();
        assertThat(s.maxAutoPriority()).isEqualTo(5);
        assertThat(s.minAutoDelayMicros()).isEqualTo(20_000);
        assertThat(s.autoPriority()).isTrue();
        assertThat(globals("max_auto_priority").config().global().vrrpScheduling().maxAutoPriority())
                .as("no value: the highest SCHED_RR priority").isEqualTo(99);
        assertThat(globals("max_auto_priority -1").config().global().vrrpScheduling().autoPriority()).isFalse();
        assertThat(SchedulingConfig.DEFAULT.autoPriority()).isFalse();
        assertThat(SchedulingConfig.DEFAULT.minAutoDelayMicros()).isEqualTo(1_000_000);

        ConfigResult r = globals("max_auto_priority 100\nmin_auto_priority_delay 0\nmin_auto_priority_delay");
        assertThat(Parsing.lines(r)).containsExactly(
                "2 ERROR max_auto_priority '100' must be in [0, 99] (or -1 to disable) - ignoring"
                        + " - number '100' outside range [-1, 99]",
                "3 ERROR min_auto_priority_delay '0' must be in [1, 10000000] - ignoring"
                        + " - number '0' outside range [1, 10000000]",
                "4 ERROR min_auto_priority_delay requires delay time");
        assertThat(r.config().global().vrrpScheduling()).isEqualTo(SchedulingConfig.DEFAULT);
    }

    @Test
    void theVrrpThreadIsScheduledAsTheJvmStartsItByDefault() {
        assertThat(globals("router_id r1").config().global().vrrpScheduling()).isEqualTo(SchedulingConfig.DEFAULT);
        assertThat(SchedulingConfig.DEFAULT.realtimeLimitMicros()).isEqualTo(10_000);
    }

    @Test
    void clampsTheRealtimePriorityAsKeepalivedDoesAndIgnoresValuesItRejects() {
        assertThat(globals("vrrp_rt_priority 0").config().global().vrrpScheduling().realtimePriority()).isEqualTo(1);
        assertThat(globals("vrrp_rt_priority 150").config().global().vrrpScheduling().realtimePriority()).isEqualTo(99);
        ConfigResult r = globals("vrrp_rt_priority x\nvrrp_priority 20\nvrrp_cpu_affinity 0 4096\nvrrp_rlimit_rttime 0");
        assertThat(Parsing.lines(r)).hasSize(4);
        assertThat(r.config().global().vrrpScheduling()).isEqualTo(SchedulingConfig.DEFAULT);
    }

    @Test
    void checkerAndBfdSchedulingIsCheckedButNotTheVrrpThreads() {
        ConfigResult r = globals("checker_rt_priority 50\nbfd_priority -3\nchecker_cpu_affinity 0\nchecker_no_swap\n"
                + "bfd_rlimit_rttime 5");
        assertThat(r.clean()).isTrue();
        assertThat(r.config().global().vrrpScheduling()).isEqualTo(SchedulingConfig.DEFAULT);
    }

    @Test
    void minGarpSendsOneMessageWithoutSecondBurst() {
        GarpConfig garp = globals("vrrp_min_garp").config().global().garp();
        assertThat(garp.masterRepeat()).isEqualTo(1);
        assertThat(garp.masterDelayMicros()).isZero();
    }

    @Test
    void booleanWordsAreCaseSensitiveAsInKeepalived() {
        ConfigResult r = globals("smtp_alert Yes");
        assertThat(Parsing.lines(r)).containsExactly("2 ERROR Invalid value 'Yes' for global smtp_alert specified");
    }

    @Test
    void rejectsAnUnknownScriptUser() {
        ConfigResult r = globals("script_user nosuchuser");
        assertThat(Parsing.lines(r)).containsExactly("2 ERROR Error setting global script uid/gid");
    }

    @Test
    void topLevelDaemonKeywordsAreKnown() {
        ConfigResult r = Parsing.parse("net_namespace blue\ninstance one\nuse_pid_dir\nchild_wait_time x\n");
        assertThat(Parsing.lines(r)).containsExactly("4 ERROR Invalid child_wait_time x - invalid number 'x'");
        assertThat(r.config().global().netNamespace()).isEqualTo("blue");
        assertThat(r.config().global().instanceName()).isEqualTo("one");
    }
}
