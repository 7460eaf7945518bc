package org.keepalived4j.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.linux.Accounts;

/**
 * Real processes through the runner. Deadlines are generous and only outcomes are asserted:
 * the machine running this may be slow and busy.
 */
class ScriptRunnerTest {

    private static final Duration LONG = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final ScriptRunner runner = new ScriptRunner("test", Duration.ofSeconds(10), Duration.ofSeconds(1),
            ScriptEnvironment.of(Map.of("KEEPALIVED4J_TEST", "yes")));

    @AfterEach
    void close() {
        runner.close();
    }

    private static ScriptCommand sh(String script) {
        return new ScriptCommand(List.of("/bin/sh", "-c", script), ScriptUser.DAEMON);
    }

    private static ScriptOutcome outcome(CompletableFuture<ScriptOutcome> future) throws Exception {
        return future.get(60, TimeUnit.SECONDS);
    }

    @Test
    void reportsExitCodesAndSignals() throws Exception {
        assertThat(outcome(runner.start(sh("exit 0"), LONG)).succeeded()).isTrue();
        assertThat(outcome(runner.start(sh("exit 3"), LONG))).isEqualTo(new ScriptOutcome.Exited(3));
        assertThat(outcome(runner.start(sh("exit 255"), LONG))).isEqualTo(new ScriptOutcome.Exited(255));
        ScriptOutcome signalled = outcome(runner.start(sh("kill -USR1 $$"), LONG));
        assertThat(signalled).isEqualTo(new ScriptOutcome.Signalled(10));
        assertThat(signalled.describe()).isEqualTo("killed by signal 10");
    }

    @Test
    void aProgramThatCannotRunIsAStartFailure() throws Exception {
        ScriptOutcome missing = outcome(runner.start(
                new ScriptCommand(List.of(dir.resolve("missing").toString()), ScriptUser.DAEMON), LONG));
        assertThat(missing).isInstanceOf(ScriptOutcome.NotStarted.class);
        assertThat(missing.describe()).contains("No such file");
        Path notExecutable = Files.writeString(dir.resolve("plain"), "#!/bin/sh\nexit 0\n");
        assertThat(outcome(runner.start(new ScriptCommand(List.of(notExecutable.toString()), ScriptUser.DAEMON),
                LONG))).isInstanceOf(ScriptOutcome.NotStarted.class);
        assertThat(outcome(runner.start(new ScriptCommand(List.of("/bin/true"),
                new ScriptUser("no-such-user-k4j", null)), LONG)))
                .isEqualTo(new ScriptOutcome.NotStarted("unknown user no-such-user-k4j"));
    }

    @Test
    void aTimeoutEndsTheWholeProcessGroup() throws Exception {
        // the leader and the grandchild ignore SIGTERM, the child does not: SIGKILL must reach
        // the leader after the grace, and the grandchild once the leader is gone
        Path pids = dir.resolve("pids");
        String script = "trap '' TERM; echo $$ >> " + pids + "; "
                + "sh -c 'echo $$ >> " + pids + "; sh -c \"trap \\\"\\\" TERM; echo \\$\\$ >> " + pids
                + "; exec sleep 300\" & exec sleep 300' & "
                + "while :; do sleep 1; done";
        CompletableFuture<ScriptOutcome> run = runner.start(sh(script), Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(pids) && Files.readAllLines(pids).size() == 3);
        List<Long> started = Files.readAllLines(pids).stream().map(Long::parseLong).toList();
        assertThat(outcome(run)).isEqualTo(new ScriptOutcome.TimedOut());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(started).noneMatch(ScriptRunnerTest::alive));
    }

    @Test
    void runsInAProcessGroupOfItsOwnWithNothingOpenButDevNull() throws Exception {
        Path pidFile = dir.resolve("pid");
        CompletableFuture<ScriptOutcome> run = runner.start(sh("echo $$ > " + pidFile + "; exec sleep 300"), LONG);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(pidFile) && !Files.readString(pidFile).isBlank());
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        Path proc = Path.of("/proc/" + pid);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(proc.resolve("cmdline")).startsWith("sleep"));
        String stat = Files.readString(proc.resolve("stat"));
        assertThat(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2]).isEqualTo(Long.toString(pid));
        List<String> descriptors;
        try (var fds = Files.list(proc.resolve("fd"))) {
            descriptors = fds.map(fd -> fd.getFileName() + " " + readLink(fd)).sorted().toList();
        }
        assertThat(descriptors).containsExactly("0 /dev/null", "1 /dev/null", "2 /dev/null");
        List<String> status = Files.readAllLines(proc.resolve("status"));
        assertThat(status).contains("SigBlk:\t0000000000000000");
        // glibc's posix_spawn leaves its own two internal real-time signals (32, 33) ignored
        assertThat(status).anyMatch(line -> line.startsWith("SigIgn:")
                && (Long.parseLong(line.substring(7).strip(), 16) & 0x7fffffffL) == 0);
        // the shell adds PWD; nothing else is added to what the runner was given
        assertThat(Files.readString(proc.resolve("environ")).split("\0")).filteredOn(e -> !e.startsWith("PWD="))
                .containsExactlyInAnyOrder(
                "KEEPALIVED4J_TEST=yes", "PATH=" + ScriptEnvironment.DEFAULT_PATH);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        assertThat(outcome(run)).isEqualTo(new ScriptOutcome.Signalled(15));
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    @Test
    void runsAsAnotherUserWithThatUsersGroupOnly() throws Exception {
        Accounts.User nobody = Accounts.user("nobody");
        assumeTrue(nobody != null && Accounts.effective().uid() == 0, "needs root and a user nobody");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path out = dir.resolve("ids");
        ScriptOutcome run = outcome(runner.start(new ScriptCommand(List.of("/bin/sh", "-c",
                "id -u > " + out + "; id -g >> " + out + "; id -G >> " + out), new ScriptUser("nobody", null)), LONG));
        assertThat(run.succeeded()).isTrue();
        String gid = Integer.toString(nobody.gid());
        assertThat(Files.readAllLines(out)).containsExactly(Integer.toString(nobody.uid()), gid, gid);
    }

    @Test
    void closeLetsScriptsFinishWithinItsBoundThenEndsTheRest() throws Exception {
        Path pid = dir.resolve("pid");
        CompletableFuture<ScriptOutcome> quick = runner.start(sh("sleep 1; exit 4"));
        CompletableFuture<ScriptOutcome> endless = runner.start(sh("echo $$ > " + pid + "; trap '' TERM; "
                + "while :; do sleep 1; done"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(pid) && !Files.readString(pid).isBlank());
        ScriptRunner bounded = runner;
        bounded.close();
        assertThat(quick).isCompletedWithValue(new ScriptOutcome.Exited(4));
        assertThat(endless).isCompletedWithValue(new ScriptOutcome.Stopped());
        assertThat(alive(Long.parseLong(Files.readString(pid).strip()))).isFalse();
        assertThat(outcome(runner.start(sh("exit 0"), LONG))).isEqualTo(new ScriptOutcome.NotStarted("script runner closed"));
    }

    @Test
    void manyScriptsRunAtOnceOnOneThread() throws Exception {
        List<CompletableFuture<ScriptOutcome>> runs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            runs.add(runner.start(sh("sleep 2; exit " + i), LONG));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(outcome(runs.get(i))).isEqualTo(new ScriptOutcome.Exited(i));
        }
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("test-scripts")))
                .hasSize(1);
    }

    @Test
    void aQueueRunsScriptsInOrder() throws Exception {
        Path out = dir.resolve("order");
        ScriptQueue queue = new ScriptQueue(runner);
        queue.start(sh("sleep 1; echo first >> " + out));
        queue.start(sh("exit 1"), LONG);
        CompletableFuture<ScriptOutcome> last = queue.start(sh("echo second >> " + out), LONG);
        assertThat(outcome(last).succeeded()).isTrue();
        assertThat(Files.readAllLines(out)).containsExactly("first", "second");
    }

    /** Whether the process exists and is not a zombie waiting for a parent that does not reap. */
    private static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
