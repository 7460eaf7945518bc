package org.keepalived4j.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalived4j.config.ConfigResult;
import org.keepalived4j.config.Diagnostic;
import org.keepalived4j.config.Severity;
import org.keepalived4j.config.SourceLocation;

class ReloadCheckTest {

    private static Diagnostic error(int line, String message) {
        return new Diagnostic(Severity.ERROR, new SourceLocation("k.conf", line), "VI_1", message);
    }

    private static ConfigResult result(Diagnostic... diagnostics) {
        return new ConfigResult(null, List.of(diagnostics));
    }

    @Test
    void anErrorTheRunningConfigurationDidNotHaveBlocksTheReload() {
        assertThat(ReloadCheck.newProblems(result(), result(error(8, "VRRP parsed invalid IP 10.. skipping IP..."))))
                .extracting(Diagnostic::message).containsExactly("VRRP parsed invalid IP 10.. skipping IP...");
    }

    @Test
    void anErrorAcceptedAtStartDoesNotBlockAReloadWhereItMerelyMoved() {
        ConfigResult running = result(error(3, "Unknown interface!"));
        assertThat(ReloadCheck.newProblems(running, result(error(17, "Unknown interface!")))).isEmpty();
    }

    @Test
    void aSecondCopyOfAKnownErrorIsNew() {
        ConfigResult running = result(error(3, "Unknown interface!"));
        assertThat(ReloadCheck.newProblems(running, result(error(3, "Unknown interface!"), error(9, "Unknown interface!"))))
                .hasSize(1);
    }

    @Test
    void warningsNeverBlock() {
        Diagnostic warning = new Diagnostic(Severity.WARNING, new SourceLocation("k.conf", 4), null,
                "auth_pass is longer than 8 characters - truncating");
        assertThat(ReloadCheck.newProblems(result(), result(warning))).isEmpty();
    }

    @Test
    void unknownKeywordsBlock() {
        Diagnostic unknown = new Diagnostic(Severity.WARNING, new SourceLocation("k.conf", 4), null,
                "Unknown keyword 'virtual_ipadress'", Diagnostic.Kind.UNKNOWN_KEYWORD);
        assertThat(ReloadCheck.newProblems(result(), result(unknown))).containsExactly(unknown);
    }
}
