package org.keepalived4j.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void defaultsMatchKeepalived() throws Exception {
        CommandLine cl = CommandLine.parse();
        assertThat(cl.configFile()).isEqualTo(Path.of("/etc/keepalived/keepalived.conf"));
        assertThat(cl.configTest()).isFalse();
        assertThat(cl.pidFile()).isNull();
    }

    @Test
    void acceptsKeepalivedsShortAndLongFlags() throws Exception {
        CommandLine cl = CommandLine.parse("-f", "/tmp/k.conf", "-n", "-l", "-D", "-i", "node1", "-p", "/tmp/k.pid");
        assertThat(cl.configFile()).isEqualTo(Path.of("/tmp/k.conf"));
        assertThat(cl.logConsole()).isTrue();
        assertThat(cl.logDetail()).isTrue();
        assertThat(cl.configId()).isEqualTo("node1");
        assertThat(cl.pidFile()).isEqualTo(Path.of("/tmp/k.pid"));

        CommandLine longForm = CommandLine.parse("--use-file=/tmp/a.conf", "--dont-fork", "--log-console",
                "--config-id", "n2", "--pid=/tmp/b.pid");
        assertThat(longForm.configFile()).isEqualTo(Path.of("/tmp/a.conf"));
        assertThat(longForm.configId()).isEqualTo("n2");
        assertThat(longForm.pidFile()).isEqualTo(Path.of("/tmp/b.pid"));
    }

    @Test
    void configTestTakesAnOptionalFile() throws Exception {
        assertThat(CommandLine.parse("-t").configTest()).isTrue();
        CommandLine withFile = CommandLine.parse("--config-test=/tmp/x.conf");
        assertThat(withFile.configTest()).isTrue();
        assertThat(withFile.configFile()).isEqualTo(Path.of("/tmp/x.conf"));
    }

    @Test
    void configTestWithDetailDumpsTheConfig() throws Exception {
        assertThat(CommandLine.parse("-t", "-D").dumpConfig()).isTrue();
        assertThat(CommandLine.parse("-t").dumpConfig()).isFalse();
        assertThat(CommandLine.parse("--dump-config").dumpConfig()).isTrue();
    }

    @Test
    void dontReleaseIpvsKeepsTheTableAtStop() throws Exception {
        assertThat(CommandLine.parse().dontReleaseIpvs()).isFalse();
        assertThat(CommandLine.parse("-I").dontReleaseIpvs()).isTrue();
        assertThat(CommandLine.parse("--dont-release-ipvs").dontReleaseIpvs()).isTrue();
    }

    @Test
    void bundledShortFlagsAreSplit() throws Exception {
        CommandLine cl = CommandLine.parse("-nlD");
        assertThat(cl.logConsole()).isTrue();
        assertThat(cl.logDetail()).isTrue();
    }

    @Test
    void snmpFlagsAsKeepalivedsEnableSnmpAndNameTheAgentxSocket() throws Exception {
        CommandLine c = CommandLine.parse("-x", "-A", "tcp:127.0.0.1:705");
        assertThat(c.snmp()).isTrue();
        assertThat(c.snmpSocket()).isEqualTo("tcp:127.0.0.1:705");
        CommandLine l = CommandLine.parse("--snmp", "--snmp-agent-socket=unix:/run/agentx");
        assertThat(l.snmp()).isTrue();
        assertThat(l.snmpSocket()).isEqualTo("unix:/run/agentx");
        assertThat(CommandLine.parse("-Aunix:/x").snmpSocket()).isEqualTo("unix:/x");
        assertThat(CommandLine.parse().snmp()).isFalse();
    }

    @Test
    void bundledFlagsKeepTheirOrderSoALaterValueFlagGetsItsValue() throws Exception {
        CommandLine c = CommandLine.parse("-nlf", "/tmp/k.conf");
        assertThat(c.logConsole()).isTrue();
        assertThat(c.configFile()).isEqualTo(java.nio.file.Path.of("/tmp/k.conf"));
    }

    @Test
    void attachedShortValues() throws Exception {
        assertThat(CommandLine.parse("-f/tmp/c.conf").configFile()).isEqualTo(Path.of("/tmp/c.conf"));
    }

    @Test
    void compatibilityFlagsAreAcceptedWithTheirValues() throws Exception {
        CommandLine cl = CommandLine.parse("-r", "/tmp/v.pid", "-c", "/tmp/c.pid", "-S", "3", "-G", "-f", "/tmp/k.conf");
        assertThat(cl.configFile()).isEqualTo(Path.of("/tmp/k.conf"));
    }

    @Test
    void rejectsUnknownFlags() {
        assertThatThrownBy(() -> CommandLine.parse("--frobnicate"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("--frobnicate");
        assertThatThrownBy(() -> CommandLine.parse("-Z")).isInstanceOf(CommandLine.UsageException.class);
    }

    @Test
    void rejectsMissingValues() {
        assertThatThrownBy(() -> CommandLine.parse("-f")).isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("requires a value");
        assertThatThrownBy(() -> CommandLine.parse("-i", "-n")).isInstanceOf(CommandLine.UsageException.class);
    }

    @Test
    void rejectsVrrpOnlyWithCheckOnly() {
        assertThatThrownBy(() -> CommandLine.parse("-P", "-C")).isInstanceOf(CommandLine.UsageException.class);
    }
}
