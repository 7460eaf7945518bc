package org.keepalived4j.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.exec.ScriptUser;
import org.keepalived4j.model.ScriptLauncher;
import org.keepalived4j.model.ScriptLine;

/** The launcher the alert sinks run notify scripts through: keepalived's words, arguments, outcomes. */
class NotifyLauncherTest {

    @TempDir
    Path dir;

    private ScriptLine recorder() {
        String out = dir.resolve("out").toString();
        return new ScriptLine("sh -c ...", null, null, List.of("/bin/sh", "-c", "echo \"$@\" >> " + out, "sh"));
    }

    @Test
    void runsTheScriptsWordsWithTheArgumentsAppendedAndSaysWhenItStartedAndHowItEnded() throws Exception {
        try (NotifyLauncher launcher = new NotifyLauncher(() -> ScriptUser.DAEMON)) {
            ScriptLauncher.Run run = launcher.launch(recorder(), List.of("INSTANCE", "VI_1", "MASTER", "100"),
                    Duration.ofSeconds(10));
            assertThat(run.started().get(10, TimeUnit.SECONDS)).isTrue();
            ScriptLauncher.Ending ending = run.ended().get(10, TimeUnit.SECONDS);
            assertThat(ending.started()).isTrue();
            assertThat(ending.succeeded()).isTrue();
            assertThat(Files.readAllLines(dir.resolve("out"))).containsExactly("INSTANCE VI_1 MASTER 100");

            ScriptLauncher.Run failing = launcher.launch(new ScriptLine("/bin/false", null, null), List.of(),
                    Duration.ofSeconds(10));
            assertThat(failing.started().get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(failing.ended().get(10, TimeUnit.SECONDS).description()).isEqualTo("exit status 1");
        }
    }

    @Test
    void aMissingProgramIsNeverStartedAndAClosedLauncherMayStartItLater() throws Exception {
        ScriptLine missing = new ScriptLine(dir.resolve("no-such-script").toString(), null, null);
        NotifyLauncher launcher = new NotifyLauncher(() -> ScriptUser.DAEMON);
        try (launcher) {
            ScriptLauncher.Run run = launcher.launch(missing, List.of(), Duration.ofSeconds(10));
            assertThat(run.started().get(10, TimeUnit.SECONDS)).isFalse();
            ScriptLauncher.Ending ending = run.ended().get(10, TimeUnit.SECONDS);
            assertThat(ending.started()).isFalse();
            assertThat(ending.retryable()).isFalse();
            assertThat(ending.description()).startsWith("could not be started");
        }
        ScriptLauncher.Run late = launcher.launch(recorder(), List.of("late"), Duration.ofSeconds(10));
        assertThat(late.started().get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(late.ended().get(10, TimeUnit.SECONDS).retryable()).isTrue();
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aRunOutlivingItsTimeoutIsEnded() throws Exception {
        try (NotifyLauncher launcher = new NotifyLauncher(() -> ScriptUser.DAEMON)) {
            ScriptLauncher.Run run = launcher.launch(new ScriptLine("sleep 600", null, null), List.of(),
                    Duration.ofMillis(200));
            ScriptLauncher.Ending ending = run.ended().get(30, TimeUnit.SECONDS);
            assertThat(ending.started()).isTrue();
            assertThat(ending.succeeded()).isFalse();
            assertThat(ending.description()).isEqualTo("timed out");
        }
    }
}
