package org.keepalived4j.exporter.alerts.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keepalived4j.exporter.alerts.Alert;
import org.keepalived4j.model.MailSettings;
import org.keepalived4j.model.Settings;
import org.keepalived4j.model.TestSettings;

/** Mail into a real SMTP server (GreenMail, in this JVM, on loopback). */
class EmailSinkTest {

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static MailSettings mail(int port) {
        return new MailSettings("127.0.0.1", port, "lb1.example.com", Duration.ofSeconds(5), "keepalived@lb1",
                List.of("ops@example.com", "oncall@example.com"), true, null, null, true);
    }

    static Alert alert(String id) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("reason", "master no response");
        labels.put("priority", "100");
        return new Alert(id, Instant.parse("2026-12-07T10:00:00Z"), "lb1", Alert.Kind.VRRP_INSTANCE, "VI_1", "BACKUP",
                "MASTER", "[lb1] VRRP Instance VI_1 - Entering MASTER state",
                "=> VRRP Instance is now owning VRRP VIPs <=", true, labels);
    }

    private static EmailSink sink(MailSettings mail, Settings block) {
        List<String> problems = new ArrayList<>();
        EmailSettings settings = EmailSettings.of(mail, block, problems);
        assertThat(problems).isEmpty();
        return new EmailSink(settings);
    }

    @Test
    void mailsWhatKeepalivedMailsWithTheReasonAndAStableMessageId() throws Exception {
        int port = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            EmailSink sink = sink(mail(port), Settings.empty("keepalived4j_alerts"));
            sink.deliver(alert("1700000000000-42-7"));
            assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
            MimeMessage m = smtp.getReceivedMessages()[0];
            assertThat(m.getSubject()).isEqualTo("[lb1] VRRP Instance VI_1 - Entering MASTER state");
            assertThat(m.getFrom()[0].toString()).isEqualTo("keepalived@lb1");
            assertThat(m.getHeader("To", ",")).isEqualTo("ops@example.com, oncall@example.com");
            assertThat(m.getMessageID()).isEqualTo("<1700000000000-42-7.email@lb1>");
            assertThat(m.getSentDate().toInstant()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
            String body = GreenMailUtil.getBody(m);
            assertThat(body).startsWith("=> VRRP Instance is now owning VRRP VIPs <=")
                    .contains("state: BACKUP -> MASTER", "reason: master no response", "priority: 100");
            // both recipients got it
            assertThat(smtp.getReceivedMessagesForDomain("example.com")).hasSize(2);
        } finally {
            smtp.stop();
        }
    }

    @Test
    void authenticatesOverSmtpsWhenTheBlockSaysSo() throws Exception {
        int port = freePort();
        GreenMail smtps = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts@lb1", "alerts", "s3cret"));
        smtps.start();
        try {
            EmailSink good = sink(mail(port), TestSettings.block("keepalived4j_alerts", "email {", "smtps",
                    "smtp_user alerts", "smtp_password s3cret", "ssl_trust 127.0.0.1", "}"));
            good.deliver(alert("a-1"));
            assertThat(smtps.waitForIncomingEmail(10_000, 2)).isTrue();
            EmailSink wrong = sink(mail(port), TestSettings.block("keepalived4j_alerts", "email {", "smtps",
                    "smtp_user alerts", "smtp_password wrong", "ssl_trust 127.0.0.1", "}"));
            assertThatThrownBy(() -> wrong.deliver(alert("a-2"))).hasMessageContaining("535")
                    .satisfies(e -> assertThat(e.toString()).doesNotContain("wrong"));
            // a plain connection to a TLS port fails rather than sending in the clear
            EmailSink plain = sink(mail(port), Settings.empty("keepalived4j_alerts"));
            assertThatThrownBy(() -> plain.deliver(alert("a-3"))).isInstanceOf(Exception.class);
        } finally {
            smtps.stop();
        }
    }

    @Test
    void noMailWithoutAServerOrRecipientsAndTheBlockSaysWhy() {
        List<String> problems = new ArrayList<>();
        MailSettings none = new MailSettings(null, 25, "lb1", Duration.ofSeconds(30), "keepalived@lb1", List.of(),
                null, null, null, true);
        assertThat(EmailSettings.of(none, Settings.empty("keepalived4j_alerts"), problems)).isNull();
        assertThat(problems).isEmpty();
        EmailSettings.of(none, TestSettings.block("keepalived4j_alerts", "email {", "starttls sometimes", "}"),
                problems);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("starttls must be"))
                .anySatisfy(p -> assertThat(p).contains("need smtp_server and notification_email"));
    }

    @Test
    void thePasswordIsNeverInTheSettingsText() {
        EmailSettings s = EmailSettings.of(mail(25), TestSettings.block("keepalived4j_alerts", "email {",
                "smtp_user alerts", "smtp_password hunter2", "}"), new ArrayList<>());
        assertThat(s.toString()).doesNotContain("hunter2").contains("alerts");
    }

    /** Runs a command to its end; its output on failure. */
    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("%s: %s", String.join(" ", command), out).isZero();
    }

    /**
     * STARTTLS and AUTH against a real server: Debian's aiosmtpd (python3-aiosmtpd), which
     * refuses AUTH and mail before STARTTLS, with a certificate made here by openssl.
     */
    @Test
    void startTlsThenAuthAgainstARealServer(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertThat(Path.of("/usr/bin/python3")).as("Debian's python3 (bin/test installs python3-aiosmtpd)")
                .isExecutable();
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-days", "2",
                "-keyout", "key.pem", "-out", "cert.pem");
        Path script = Path.of(EmailSinkTest.class.getResource("/starttls_smtp_server.py").toURI());
        Path out = java.nio.file.Files.createDirectory(dir.resolve("mail"));
        int port = freePort();
        Process server = new ProcessBuilder("/usr/bin/python3", script.toString(), Integer.toString(port),
                "cert.pem", "key.pem", "alerts", "s3cret", out.toString()).directory(dir.toFile())
                .redirectErrorStream(true).start();
        try {
            var lines = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            String first = lines.readLine();
            assertThat(first).as("aiosmtpd did not start (python3-aiosmtpd missing?)").isEqualTo("ready");
            EmailSink good = sink(mail(port), TestSettings.block("keepalived4j_alerts", "email {", "starttls required",
                    "smtp_user alerts", "smtp_password s3cret", "ssl_trust 127.0.0.1", "}"));
            good.deliver(alert("t-1"));
            String received = java.nio.file.Files.readString(out.resolve("1.eml"));
            assertThat(received).startsWith("X-Test-Session: user=alerts tls=yes")
                    .contains("Subject: [lb1] VRRP Instance VI_1 - Entering MASTER state")
                    .contains("=> VRRP Instance is now owning VRRP VIPs <=");
            EmailSink wrong = sink(mail(port), TestSettings.block("keepalived4j_alerts", "email {", "starttls required",
                    "smtp_user alerts", "smtp_password wrong", "ssl_trust 127.0.0.1", "}"));
            assertThatThrownBy(() -> wrong.deliver(alert("t-2"))).hasMessageContaining("535")
                    .satisfies(e -> assertThat(e.toString()).doesNotContain("wrong"));
            // keepalived's plain SMTP to a server that insists on STARTTLS: refused, retried later
            EmailSink plain = sink(mail(port), Settings.empty("keepalived4j_alerts"));
            assertThatThrownBy(() -> plain.deliver(alert("t-3"))).isInstanceOf(Exception.class);
            // a certificate nobody said to trust is refused
            EmailSink untrusted = sink(mail(port), TestSettings.block("keepalived4j_alerts", "email {",
                    "starttls required", "smtp_user alerts", "smtp_password s3cret", "}"));
            assertThatThrownBy(() -> untrusted.deliver(alert("t-4"))).isInstanceOf(Exception.class);
            try (var files = java.nio.file.Files.list(out)) {
                assertThat(files.filter(f -> f.toString().endsWith(".eml"))).hasSize(1);
            }
        } finally {
            server.destroy();
            if (!server.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }
}
