package org.keepalived4j.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM started with a signal ignored cannot handle it: the daemon must notice and say so, and
 * resetting the signal first (what bin/keepalived4j does) must give it back.
 */
class SignalsTest {

    /** Run in a child JVM: installs the handlers and prints which signals stay ignored. */
    public static void main(String[] args) {
        System.out.println("ignored=" + Signals.install(() -> { }, () -> { }));
    }

    private static String child(String... envOptions) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("env"));
        cmd.addAll(List.of(envOptions));
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SignalsTest.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aSignalIgnoredAtStartIsReportedWithItsConsequence() throws Exception {
        // reset first: the test itself may run under nohup or in a background job
        String out = child("--default-signal=HUP,INT,TERM", "--ignore-signal=HUP");
        assertThat(out).contains("ignored=[HUP]").contains("no configuration reload by SIGHUP")
                .contains("env --default-signal=HUP");
    }

    @Test
    void resettingTheSignalsFirstGivesThemBack() throws Exception {
        String out = child("--ignore-signal=HUP,INT", "--default-signal=HUP,INT,TERM");
        assertThat(out).contains("ignored=[]").doesNotContain("WARN");
    }
}
