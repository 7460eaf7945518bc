package org.keepalived4j.exporter.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalived4j.exporter.alerts.AlertSink;
import org.keepalived4j.exporter.alerts.AlertsExporter;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.Settings;
import org.keepalived4j.model.TestSettings;

class WebhookSettingsTest {

    private final List<String> problems = new ArrayList<>();

    /** Line i of these is test.conf:(11 + i). */
    private static final String[] FAULTY = {
        "webhook nourl {",                  // 11
        "format json",                      // 12
        "}",                                // 13
        "webhook badurl {",                 // 14
        "url ftp://hooks.example.com/x",    // 15
        "}",                                // 16
        "webhook notaurl {",                // 17
        "url ::SECRETPATH",                 // 18
        "}",                                // 19
        "webhook bothauth {",               // 20
        "url https://hooks.example.com/x",  // 21
        "basic_auth alerts pa55w0rd",       // 22
        "bearer_token t0k3n",               // 23
        "}",                                // 24
        "webhook badformat {",              // 25
        "url https://hooks.example.com/x",  // 26
        "format xml",                       // 27
        "}",                                // 28
        "webhook ops {",                    // 29
        "url https://hooks.example.com/SECRETPATH", // 30
        "colour red",                       // 31
        "timeout forever",                  // 32
        "}",                                // 33
        "webhook ops {",                    // 34
        "url https://hooks.example.com/y",  // 35
        "}",                                // 36
        "webhook {",                        // 37
        "url http://user:pa55w0rd@hooks.example.com/", // 38
        "}",                                // 39
        "webhook headers {",                // 40
        "url http://hooks.example.com/",    // 41
        "header Host elsewhere",            // 42
        "header Authorization Bearer t0k3n", // 43
        "header Idempotency-Key 1",         // 44
        "header X-Lonely",                  // 45
        "bearer_token t0k3n",               // 46
        "}",                                // 47
        "webhook tls {",                    // 48
        "url https://hooks.example.com/",   // 49
        "tls_ca relative.pem",              // 50
        "tls_insecure",                     // 51
        "}",                                // 52
        "webhook two words {",              // 53
        "url https://hooks.example.com/",   // 54
        "}",                                // 55
        "webhook missingca {",              // 56
        "url https://hooks.example.com/",   // 57
        "tls_ca /nonexistent/keepalived4j-ca.pem", // 58
        "}",                                // 59
    };

    @Test
    void namesEveryProblemWithItsLineAndLeavesOutWhatWouldPostWrongly() {
        Settings block = TestSettings.block("keepalived4j_alerts", FAULTY);
        List<AlertSink> sinks = new WebhookSinkProvider().create(SampleStates.globals(), block, problems);
        assertThat(sinks).extracting(AlertSink::name).containsExactly("webhook-ops");
        assertThat(problems).contains(
                "test.conf:11: webhook needs a url",
                "test.conf:15: url must be an absolute http:// or https:// URL with a host",
                "test.conf:18: url must be an absolute http:// or https:// URL with a host",
                "test.conf:23: basic_auth and bearer_token exclude each other",
                "test.conf:27: format must be json, slack or teams, got 'xml'",
                "test.conf:31: unknown keyword 'colour' in webhook",
                "test.conf:32: timeout must be a number of seconds from 0.1 to 600, got 'forever'",
                "test.conf:34: a second webhook block named webhook-ops (the first is at test.conf:29): left out",
                "test.conf:38: url must not hold a user or password: use basic_auth",
                "test.conf:42: header Host cannot be sent (a restricted or malformed header)",
                "test.conf:43: header Authorization and basic_auth or bearer_token exclude each other",
                "test.conf:44: header Idempotency-Key is set by the webhook sink itself",
                "test.conf:45: header needs a name and a value",
                "test.conf:50: tls_ca needs an absolute path to a PEM file",
                "test.conf:51: tls_insecure and tls_ca exclude each other",
                "test.conf:53: webhook takes one name, got 2 words",
                "test.conf:11: webhook-nourl left out until its problems are fixed",
                "test.conf:48: webhook-tls left out until its problems are fixed");
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("test.conf:56: tls_ca /nonexistent/"
                + "keepalived4j-ca.pem cannot be used").endsWith("webhook-missingca left out"));
        assertThat(String.join("\n", problems)).doesNotContain("pa55w0rd").doesNotContain("t0k3n")
                .doesNotContain("SECRETPATH");
        // the kept one has the default timeout
        assertThat(WebhookSettings.all(block, new ArrayList<>()).get(0).timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void configTestReportsTheSameProblemsThroughTheAlertsExporter() {
        // the provider comes from META-INF/services, as in the daemon
        List<String> found = new AlertsExporter().validate(TestSettings.block("keepalived4j_alerts", FAULTY));
        assertThat(found).contains("test.conf:11: webhook needs a url",
                "test.conf:27: format must be json, slack or teams, got 'xml'");
        assertThat(new AlertsExporter().validate(TestSettings.block("keepalived4j_alerts", "webhook {",
                "url https://hooks.example.com/", "}"))).isEmpty();
    }

    @Test
    void secretsStayOutOfTheTextOfSettingsAndSinkAndAreMaskedByConfigTest() {
        Settings block = TestSettings.block("keepalived4j_alerts", "webhook ops {",
                "url https://hooks.slack.com/services/T0/B0/SECRETPATH?sig=SECRETSIG", "basic_auth alerts pa55w0rd",
                "header X-Api-Key k3y", "header X-Team sre", "}", "webhook bearer {", "url http://127.0.0.1:8080/x",
                "header Authorization Bearer t0k3n", "}");
        List<AlertSink> sinks = new WebhookSinkProvider().create(SampleStates.globals(), block, problems);
        assertThat(problems).isEmpty();
        String text = sinks.toString() + WebhookSettings.all(block, problems);
        assertThat(text).doesNotContain("pa55w0rd").doesNotContain("t0k3n").doesNotContain("k3y")
                .doesNotContain("SECRETPATH").doesNotContain("SECRETSIG")
                .contains("webhook-ops[https://hooks.slack.com/..., json, basic auth as alerts, headers [X-Api-Key, "
                        + "X-Team], timeout 10s]")
                .contains("webhook-bearer[http://127.0.0.1:8080/...");
        // -t -D: each line of the block as the alerts exporter shows it
        AlertsExporter exporter = new AlertsExporter();
        StringBuilder shown = new StringBuilder();
        block.entries().forEach(w -> w.block().entries().forEach(s -> shown.append(s.keyword()).append(' ')
                .append(String.join(" ", exporter.shown(s))).append('\n')));
        assertThat(shown.toString()).doesNotContain("pa55w0rd").doesNotContain("t0k3n").doesNotContain("k3y")
                .contains("basic_auth " + Settings.MASK + "\n", "header X-Api-Key " + Settings.MASK + "\n",
                        "header Authorization " + Settings.MASK + "\n", "header X-Team sre\n");
    }
}
