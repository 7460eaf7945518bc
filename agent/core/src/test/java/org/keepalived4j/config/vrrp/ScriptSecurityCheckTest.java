package org.keepalived4j.config.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keepalived4j.config.ConfigResult;
import org.keepalived4j.config.FakeSystemProbe;
import org.keepalived4j.config.NotifyConfig;
import org.keepalived4j.config.Parsing;
import org.keepalived4j.config.keyword.ScriptLines;

class ScriptSecurityCheckTest {

    private static final String INSTANCE = "vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 1\n"
            + " virtual_ipaddress {\n 10.0.0.1\n }\n track_script {\n chk\n }\n}\n";

    private static String script(String path) {
        return "vrrp_script chk {\n script \"" + path + " -x\"\n weight -5\n}\n";
    }

    @Test
    void disablesAMissingScriptAndDropsItsTracking() {
        FakeSystemProbe probe = FakeSystemProbe.withInterfaces("eth0");
        probe.missingScripts.add("/opt/missing.sh");
        ConfigResult r = Parsing.parse("global_defs {\n enable_script_security\n script_user root\n}\n"
                + script("/opt/missing.sh") + INSTANCE, probe);
        assertThat(Parsing.lines(r)).containsExactly("5 ERROR Disabling track script chk since not found/accessible");
        assertThat(r.config().scripts()).isEmpty();
        assertThat(r.config().vrrpInstances().get(0).tracking().scripts()).isEmpty();
    }

    @Test
    void complainsWhenScriptsRunWithoutScriptSecurity() {
        ConfigResult r = Parsing.parse(script("/bin/true") + INSTANCE, FakeSystemProbe.withInterfaces("eth0"));
        assertThat(Parsing.lines(r)).containsExactly(
                "- WARNING SECURITY VIOLATION - scripts are being executed but script_security not enabled.");
        assertThat(r.config().scripts()).hasSize(1);
    }

    @Test
    void disablesAnInsecureRootScriptUnderScriptSecurity() {
        FakeSystemProbe probe = FakeSystemProbe.withInterfaces("eth0");
        probe.insecureScripts.add("/tmp/chk.sh");
        ConfigResult r = Parsing.parse("global_defs {\n enable_script_security\n script_user root\n}\n"
                + script("/tmp/chk.sh") + INSTANCE, probe);
        assertThat(Parsing.lines(r)).containsExactly("5 ERROR Disabling track script chk due to insecure");
    }

    @Test
    void scriptSecurityWithoutAScriptUserNeedsKeepalivedScriptUser() {
        ConfigResult r = Parsing.parse("global_defs {\n enable_script_security\n}\n" + script("/bin/true") + INSTANCE,
                FakeSystemProbe.withInterfaces("eth0"));
        // at the vrrp_script block's closing brace, where keepalived checks it
        assertThat(Parsing.lines(r)).containsExactly("7 ERROR Unable to set default user keepalived_script for script",
                "7 ERROR Unable to set default user for vrrp script chk - removing",
                "15 ERROR (VI_1) track script chk not found, ignoring...");
    }

    @Test
    void dropsReferencesToUnknownScripts() {
        ConfigResult r = Parsing.parse(INSTANCE, FakeSystemProbe.withInterfaces("eth0"));
        assertThat(Parsing.lines(r)).containsExactly("8 ERROR (VI_1) track script chk not found, ignoring...");
    }

    @Test
    void silentlyDropsNotifyScriptsThatDoNotExist() {
        FakeSystemProbe probe = FakeSystemProbe.withInterfaces("eth0");
        probe.missingScripts.add("/etc/keepalived/notify.sh");
        ConfigResult r = Parsing.parse("vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 1\n"
                + " notify_master \"/etc/keepalived/notify.sh master\"\n virtual_ipaddress {\n 10.0.0.1\n }\n}\n", probe);
        assertThat(r.clean()).isTrue();
        assertThat(r.config().vrrpInstances().get(0).notifyScripts().master()).isNull();
    }

    @Test
    void readsScriptRangesAsKeepalivedDoes() {
        ConfigResult r = Parsing.parse("vrrp_script s {\n script /bin/true\n weight 300\n rise 0\n interval 0\n}\n");
        assertThat(Parsing.lines(r)).containsExactly(
                "3 ERROR number '300' outside range [-253, 253] - vrrp_script s weight 300 must be in [-253, 253]",
                "4 ERROR (s) vrrp script rise value '0' invalid, defaulting to 1 - number '0' outside range [1, 2147483647]",
                "5 WARNING (s) vrrp script interval must be greater than 0, setting to 1");
    }

    @Test
    void namesEveryScriptsProgramByThePathItResolvesTo() {
        FakeSystemProbe probe = FakeSystemProbe.withInterfaces("eth0");
        probe.programPaths.put("/bin/true", "/usr/bin/true");
        probe.programPaths.put("echo", "/usr/bin/echo");
        ConfigResult r = Parsing.parse("global_defs {\n enable_script_security\n script_user root\n}\n"
                + script("/bin/true") + "vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 1\n"
                + " notify_master \"echo 'two words'\"\n notify_backup \"</tmp/flag\"\n"
                + " virtual_ipaddress {\n 10.0.0.1\n }\n track_script {\n chk\n }\n}\n", probe);
        assertThat(r.clean()).isTrue();
        assertThat(r.config().scripts().get(0).command()).isEqualTo("/usr/bin/true -x");
        NotifyConfig notify = r.config().vrrpInstances().get(0).notifyScripts();
        assertThat(notify.master().command()).isEqualTo("/usr/bin/echo 'two words'");
        assertThat(notify.backup().command()).isEqualTo("</tmp/flag");
    }

    @Test
    void replacesTheProgramWordAndKeepsTheRestAsWritten() {
        assertThat(ScriptLines.withProgram("  \"/bin/my prog\" -a 'b c'", "/usr/bin/x")).isEqualTo("  /usr/bin/x -a 'b c'");
        assertThat(ScriptLines.withProgram("a\\ b c", "/opt/it's here")).isEqualTo("'/opt/it\\'s here' c");
        assertThat(ScriptLines.words(ScriptLines.withProgram("x y", "/a b/p\\q"))).containsExactly("/a b/p\\q", "y");
    }
}
