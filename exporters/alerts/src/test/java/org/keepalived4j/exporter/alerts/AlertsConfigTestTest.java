package org.keepalived4j.exporter.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.TestSettings;

/**
 * What {@code keepalived4j -t} reports of the alerts block: every kind's sub-blocks are checked
 * (the providers come from META-INF/services, as in the daemon), each problem with its line.
 */
class AlertsConfigTestTest {

    private static List<String> problems(String... lines) {
        return new AlertsExporter().validate(TestSettings.block("keepalived4j_alerts", lines));
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void eachSinkKindsBlockIsCheckedWithoutMakingASink() throws Exception {
        java.nio.file.Path junk = java.nio.file.Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        List<String> found = problems(
                "email {", "starttls sometimes", "smtp_user alerts", "colour red", "}",
                "alertmanager {", "url ftp://127.0.0.1:9093", "}",
                "alertmanager am {", "url http://127.0.0.1:9093", "tls_ca " + junk, "}",
                "syslog {", "target carrier-pigeon:10.0.0.1", "}",
                "syslog {", "target udp:127.0.0.1:514", "}",
                "syslog {", "target udp:127.0.0.1:515", "}",
                "exec {", "timeout forever", "}");
        assertThat(found).anySatisfy(p -> assertThat(p).startsWith("test.conf:12: starttls must be"))
                .anySatisfy(p -> assertThat(p).startsWith("test.conf:14: unknown keyword 'colour' in email"))
                .anySatisfy(p -> assertThat(p).contains("smtp_user and smtp_password go together"))
                .anySatisfy(p -> assertThat(p).startsWith("test.conf:17:"))
                .anySatisfy(p -> assertThat(p).startsWith("test.conf:19:").contains("TLS settings unusable")
                        .contains("am"))
                .anySatisfy(p -> assertThat(p).startsWith("test.conf:24:"))
                .anySatisfy(p -> assertThat(p).startsWith("test.conf:29: a second sink named syslog"))
                .anySatisfy(p -> assertThat(p).startsWith("test.conf:33: timeout must be a number of seconds"));
    }

    @Test
    void wellFormedBlocksPass() {
        assertThat(problems("email {", "starttls required", "smtp_user alerts", "smtp_password s3cret", "}",
                "alertmanager {", "url http://127.0.0.1:9093", "}", "syslog {", "target udp:127.0.0.1:514", "}",
                "exec {", "timeout 30", "}")).isEmpty();
    }
}
