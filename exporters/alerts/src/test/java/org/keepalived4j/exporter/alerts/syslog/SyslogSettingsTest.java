package org.keepalived4j.exporter.alerts.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keepalived4j.exporter.alerts.syslog.SyslogFixtures.alert;
import static org.keepalived4j.exporter.alerts.syslog.SyslogFixtures.sinks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.exporter.alerts.AlertSink;

/** What a {@code syslog { ... }} block makes, and what it reports with file and line. */
class SyslogSettingsTest {

    @Test
    void mailOnlyTakesWhatKeepalivedWouldMailAndTheNameAndSdIdAreConfigurable() {
        List<String> problems = new ArrayList<>();
        List<AlertSink> sinks = sinks(problems, "syslog {", "mail_only", "}", "syslog ops {",
                "sd_id lb@99999", "}");
        assertThat(problems).isEmpty();
        assertThat(sinks).extracting(AlertSink::name).containsExactly("syslog", "syslog-ops");
        assertThat(sinks.get(0).accepts(alert("a", "BACKUP", false))).isFalse();
        assertThat(sinks.get(0).accepts(alert("a", "BACKUP", true))).isTrue();
        assertThat(sinks.get(1).accepts(alert("a", "BACKUP", false))).isTrue();
        byte[] message = ((SyslogSink) sinks.get(1)).message(alert("a", "BACKUP", false));
        assertThat(Rfc5424.parse(message).sd()).containsKey("lb@99999");
        sinks.forEach(AlertSink::close);
    }

    @Test
    void badLinesAreNamedWithTheirFileAndLine(@TempDir Path dir) throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        List<String> problems = new ArrayList<>();
        List<AlertSink> sinks = sinks(problems,
                "syslog {", // 11
                "target smtp:mail.example.com", // 12: bad target, left out
                "}", // 13
                "syslog two {", // 14
                "facility local9", // 15
                "colour blue", // 16
                "app_name has\u00e9accent", // 17
                "timeout 0", // 18
                "tls_insecure", // 19: not a tls target
                "}", // 20
                "syslog three {", // 21
                "target tls:127.0.0.1:6514", // 22
                "tls_ca " + notPem, // 23: left out
                "}", // 24
                "syslog two {", // 25: a second syslog-two
                "}", // 26
                "syslog bad/name {", // 27
                "}", // 28
                "syslog four {", // 29
                "target udp:[::1:514", // 30
                "}", // 31
                "syslog five {", // 32
                "target tcp:127.0.0.1:99999", // 33
                "}"); // 34
        assertThat(sinks).extracting(AlertSink::name).containsExactly("syslog-two");
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("test.conf:12: target 'smtp:")
                .contains("is left out"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("test.conf:15: unknown syslog facility 'local9'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("test.conf:16: unknown keyword 'colour'"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("test.conf:17: app_name must be"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("test.conf:18: timeout must be"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("test.conf:19: tls_ca and tls_insecure apply"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("test.conf:23: tls_ca " + notPem));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("test.conf:25: a second sink named syslog-two"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("test.conf:27: syslog takes one optional name"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("test.conf:30: target").contains("[IPv6]:PORT"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("test.conf:33: target").contains("1-65535"));
        assertThat(problems).hasSize(11);
        sinks.forEach(AlertSink::close);
    }

    @Test
    void targetsParseWithDefaultPortsAndIpv6InBrackets() {
        assertThat(SyslogTarget.parse("udp:[2001:db8::1]:1514")).isEqualTo(
                new SyslogTarget(SyslogTarget.Transport.UDP, "2001:db8::1", 1514, null));
        assertThat(SyslogTarget.parse("tls:logs.example.com").port()).isEqualTo(6514);
        assertThat(SyslogTarget.parse("tcp:logs.example.com").port()).isEqualTo(514);
        assertThat(SyslogTarget.parse("udp:[2001:db8::1]:1514").toString()).isEqualTo("udp:[2001:db8::1]:1514");
        assertThatThrownBy(() -> SyslogTarget.parse("udp:2001:db8::1")).hasMessageContaining("in brackets");
        assertThatThrownBy(() -> SyslogTarget.parse("unix:dev/log")).hasMessageContaining("absolute path");
    }
}
