package org.keepalived4j.exporter.alerts.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.keepalived4j.exporter.alerts.Alert;
import org.keepalived4j.exporter.alerts.UndeliverableAlertException;
import org.keepalived4j.model.ScriptLauncher;
import org.keepalived4j.model.ScriptLine;
import org.keepalived4j.model.Settings;
import org.keepalived4j.model.TestSettings;

/**
 * The exec sink's order and outcomes, against a launcher whose runs the test starts and ends
 * itself: what the sink waits for and what it gives up on, step by step, with no clock involved.
 */
class ExecSinkTest {

    /** One launch asked for; the test completes its futures. */
    record Launch(String command, List<String> arguments, Duration timeout, CompletableFuture<Boolean> started,
            CompletableFuture<ScriptLauncher.Ending> ended) {

        void end(int status) {
            ended.complete(new ScriptLauncher.Ending(true, status == 0, "exit status " + status, false));
        }
    }

    private final List<Launch> launches = new CopyOnWriteArrayList<>();
    /** How a launch of each command is refused (none: it starts, and runs until the test ends it). */
    private final Map<String, ScriptLauncher.Ending> refused = new java.util.concurrent.ConcurrentHashMap<>();

    private final ScriptLauncher launcher = (script, arguments, timeout) -> {
        Launch l = new Launch(script.command(), arguments, timeout, new CompletableFuture<>(), new CompletableFuture<>());
        launches.add(l);
        ScriptLauncher.Ending refusal = refused.get(script.command());
        if (refusal == null) {
            l.started().complete(true);
        } else {
            l.ended().complete(refusal);
            l.started().complete(false);
        }
        return new ScriptLauncher.Run(l.started(), l.ended());
    };

    private final ExecSink sink = new ExecSink(launcher, Duration.ofSeconds(7));

    private static Alert alert(String id, Alert.Script... scripts) {
        return new Alert(id, Instant.EPOCH, "lb1", Alert.Kind.VRRP_INSTANCE, "VI_1", "BACKUP", "MASTER", "s", "b", false,
                Map.of(), List.of(scripts));
    }

    private static Alert.Script run(String command, String... arguments) {
        return new Alert.Script(new ScriptLine(command, null, null), List.of(arguments));
    }

    @Test
    void startsTheScriptsOfAnAlertInOrderWithTheirArgumentsAndDoesNotWaitForThemToEnd() throws Exception {
        assertThat(sink.accepts(alert("1"))).isFalse();
        Alert a = alert("1", run("/m"), run("/any", "INSTANCE", "VI_1", "MASTER", "100"));
        assertThat(sink.accepts(a)).isTrue();
        sink.deliver(a);
        assertThat(launches).extracting(Launch::command).containsExactly("/m", "/any");
        assertThat(launches.get(1).arguments()).containsExactly("INSTANCE", "VI_1", "MASTER", "100");
        assertThat(launches).extracting(Launch::timeout).containsOnly(Duration.ofSeconds(7));
        assertThat(launches).allSatisfy(l -> assertThat(l.ended()).isNotDone());
    }

    @Test
    void aScriptsNextRunWaitsForItsLastRunToEndWhileOtherScriptsDoNot() throws Exception {
        sink.deliver(alert("1", run("/any", "MASTER")));
        sink.deliver(alert("2", run("/other")));
        assertThat(launches).hasSize(2); // another script: not held up by /any still running

        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            try {
                sink.deliver(alert("3", run("/any", "BACKUP")));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // /any's first run has not ended: its second run is not started, the delivery waits
        assertThatThrownBy(() -> second.get(300, TimeUnit.MILLISECONDS))
                .isInstanceOf(java.util.concurrent.TimeoutException.class);
        assertThat(launches).hasSize(2);
        launches.get(0).end(1); // however it ended
        second.get(10, TimeUnit.SECONDS);
        assertThat(launches).hasSize(3);
        assertThat(launches.get(2).arguments()).containsExactly("BACKUP");
    }

    @Test
    void aScriptThatCanNeverStartIsUndeliverableAfterTheOthersStarted() {
        refused.put("/missing", new ScriptLauncher.Ending(false, false,
                "could not be started: No such file or directory", false));
        assertThatThrownBy(() -> sink.deliver(alert("1", run("/missing"), run("/any", "MASTER"))))
                .isInstanceOf(UndeliverableAlertException.class)
                .hasMessageContaining("/missing could not be started: No such file or directory");
        assertThat(launches).extracting(Launch::command).containsExactly("/missing", "/any");
        assertThat(launches.get(1).started()).isCompletedWithValue(true);
    }

    @Test
    void aScriptRefusedWhileTheDaemonClosesIsRetriedAndARetryStartsOnlyWhatHadNotStarted() throws Exception {
        Alert a = alert("1", run("/m"), run("/any", "MASTER"));
        refused.put("/any", new ScriptLauncher.Ending(false, false, "could not be started: closed", true));
        assertThatThrownBy(() -> sink.deliver(a)).isInstanceOf(IOException.class)
                .hasMessageContaining("/any could not be started: closed");
        refused.clear();
        sink.deliver(a); // the retry: /m has started already, only /any starts
        assertThat(launches).extracting(Launch::command).containsExactly("/m", "/any", "/any");
        assertThat(launches.get(2).started()).isCompletedWithValue(true);
    }

    @Test
    void theTimeoutIsSetInTheExecBlockAndCheckedWithItsLine() {
        List<String> problems = new java.util.ArrayList<>();
        assertThat(ExecSinkProvider.timeout(Settings.empty("keepalived4j_alerts"), problems))
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(ExecSinkProvider.timeout(TestSettings.block("keepalived4j_alerts", "exec {", "timeout 15", "}"), problems))
                .isEqualTo(Duration.ofSeconds(15));
        assertThat(problems).isEmpty();
        assertThat(ExecSinkProvider.timeout(TestSettings.block("keepalived4j_alerts", "exec {", "timeout 0", "colour red", "}"), problems))
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(problems).hasSize(2).anySatisfy(p -> assertThat(p).contains("timeout must be a number of seconds"))
                .anySatisfy(p -> assertThat(p).contains("unknown exec keyword 'colour'"));
    }
}
