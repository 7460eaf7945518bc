package org.keepalived4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private final List<String> problems = new ArrayList<>();

    private static Settings block(String... lines) {
        return TestSettings.block("keepalived4j_test", lines);
    }

    @Test
    void readsYesAndNoInKeepalivedsSpellingsAndTheLastLineWins() {
        assertThat(block("a yes", "b OFF", "c true", "c no").bool("a", false, problems)).isTrue();
        assertThat(block("b OFF").bool("b", true, problems)).isFalse();
        assertThat(block("c true", "c no").bool("c", true, problems)).isFalse();
        assertThat(block().bool("absent", true, problems)).isTrue();
        assertThat(problems).isEmpty();
    }

    @Test
    void reportsAnythingElseThanYesOrNoAndKeepsTheFallback() {
        assertThat(block("enabled maybe").bool("enabled", true, problems)).isTrue();
        assertThat(problems).containsExactly("test.conf:11: enabled must be yes or no, got 'maybe'");
    }

    @Test
    void readsWholeNumbersWithinTheirRange() {
        assertThat(block("n 64").integer("n", 1, 1, 100, problems)).isEqualTo(64);
        assertThat(block().integer("n", 7, 1, 100, problems)).isEqualTo(7);
        assertThat(problems).isEmpty();
        assertThat(block("n 0").integer("n", 7, 1, 100, problems)).isEqualTo(7);
        assertThat(block("n ten").integer("n", 7, 1, 100, problems)).isEqualTo(7);
        assertThat(problems).containsExactly("test.conf:11: n must be a whole number from 1 to 100, got '0'",
                "test.conf:11: n must be a whole number from 1 to 100, got 'ten'");
    }

    @Test
    void readsSecondsWithDecimalsLikeKeepalivedsTimers() {
        Duration min = Duration.ofMillis(100);
        Duration max = Duration.ofHours(1);
        Duration fallback = Duration.ofSeconds(10);
        assertThat(block("t 10").seconds("t", fallback, min, max, problems)).isEqualTo(Duration.ofSeconds(10));
        assertThat(block("t 0.5").seconds("t", fallback, min, max, problems)).isEqualTo(Duration.ofMillis(500));
        assertThat(block("t .25").seconds("t", fallback, min, max, problems)).isEqualTo(Duration.ofMillis(250));
        assertThat(block("t 3600").seconds("t", fallback, min, max, problems)).isEqualTo(max);
        assertThat(block("t 1.0000004").seconds("t", fallback, min, max, problems)).isEqualTo(Duration.ofSeconds(1));
        assertThat(block().seconds("t", fallback, min, max, problems)).isEqualTo(fallback);
        assertThat(problems).isEmpty();
    }

    @Test
    void reportsSecondsOutOfRangeOrNotPlainNumbers() {
        Duration min = Duration.ofMillis(100);
        Duration max = Duration.ofHours(1);
        for (String bad : List.of("0.05", "3600.5", "-1", "10s", "1e3", "", "99999999999999999999999")) {
            assertThat(block("t " + bad).seconds("t", Duration.ofSeconds(10), min, max, problems))
                    .isEqualTo(Duration.ofSeconds(10));
        }
        assertThat(problems).hasSize(7).first().isEqualTo(
                "test.conf:11: t must be a number of seconds from 0.1 to 3600, got '0.05'");
    }

    @Test
    void writesSecondsAsKeepalivedDoes() {
        assertThat(Settings.formatSeconds(Duration.ofSeconds(60))).isEqualTo("60");
        assertThat(Settings.formatSeconds(Duration.ofMillis(1500))).isEqualTo("1.5");
    }

    @Test
    void masksHttpCredentialsButNotTheirNeighbours() {
        Settings b = block("basic_auth alerts s3cret", "bearer_token t0k3n", "header Authorization Bearer t0k3n",
                "header proxy-authorization Basic YWJj", "header X-Api-Key k3y", "header X-Team sre",
                "basic_auth_user alerts", "url https://hooks.example.com/x");
        List<String> shown = b.entries().stream().map(s -> s.keyword() + " " + String.join(" ", Settings.shown(s)))
                .toList();
        assertThat(shown).containsExactly("basic_auth " + Settings.MASK, "bearer_token " + Settings.MASK,
                "header Authorization " + Settings.MASK, "header proxy-authorization " + Settings.MASK,
                "header X-Api-Key " + Settings.MASK, "header X-Team sre", "basic_auth_user alerts",
                "url https://hooks.example.com/x");
    }

    @Test
    void namesSecretsByKeywordIncludingHttpCredentials() {
        assertThat(List.of("smtp_password", "auth_pass", "secret", "private_key", "community", "basic_auth",
                "bearer_token", "authorization", "credentials")).allMatch(Settings::namesSecret);
        assertThat(List.of("url", "timeout", "label", "basic_auth_user", "tls_ca", "listen", "tls_client_auth"))
                .noneMatch(Settings::namesSecret);
    }
}
