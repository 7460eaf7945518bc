package org.keepalived4j.exporter.alerts.fifo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.exporter.alerts.Alert;
import org.keepalived4j.exporter.alerts.AlertSink;
import org.keepalived4j.exporter.alerts.linux.Libc;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.NotifyFifoSettings;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.ScriptLine;
import org.keepalived4j.model.Settings;

class FifoSinkTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * What keepalived 2.2.7 (Debian 12) wrote to its notify_fifo, read by its notify_fifo_script.
     * Recorded with two keepalived in network namespaces joined by a veth pair:
     * <pre>
     * ip netns add fifolab-a; ip netns add fifolab-b; ip link add fx type veth peer name fy
     * (fx in fifolab-a as 10.98.0.1/24, fy in fifolab-b as 10.98.0.2/24)
     * A: global_defs { router_id fa; enable_script_security; script_user root
     *      notify_fifo /tmp/fifo-lab/a.fifo; notify_fifo_script /tmp/fifo-lab/reader.sh }
     *    vrrp_track_file tf { file /tmp/fifo-lab/tf weight 10 }
     *    vrrp_sync_group G1 { group { VI_1 VI_2 } }
     *    VI_1, VI_2, VI_3 on fx, vrid 61/62/63, priority 150, advert_int 1;
     *    VI_3 with notify_priority_changes and track_file { tf }
     * B: the same instances on fy with priority 200, no FIFO, no track file
     * ip netns exec fifolab-a keepalived -n -l -D -f a.conf -p ka.pid -r kav.pid -c kac.pid
     * then: echo 5 &gt; tf (VI_3 200); start B (VI_1, VI_2 go to B); echo 6 &gt; tf (VI_3 210);
     * nft drop of VRRP input in fifolab-b (B's VI_3 becomes master at 200, A's sees it);
     * nft table deleted; ip link set fx down, then up; SIGTERM to B; SIGTERM to A.
     * </pre>
     * reader.sh appended each line it read to a log.
     */
    static final List<String> KEEPALIVED_227 = List.of(
            "GROUP \"G1\" BACKUP 0",
            "INSTANCE \"VI_1\" BACKUP 150",
            "INSTANCE \"VI_2\" BACKUP 150",
            "INSTANCE \"VI_3\" BACKUP 150",
            "INSTANCE \"VI_2\" MASTER 150",
            "INSTANCE \"VI_1\" MASTER 150",
            "GROUP \"G1\" MASTER 0",
            "INSTANCE \"VI_3\" MASTER 150",
            "INSTANCE \"VI_3\" MASTER_PRIORITY 200",
            "INSTANCE \"VI_1\" BACKUP 150",
            "INSTANCE \"VI_2\" BACKUP 150",
            "GROUP \"G1\" BACKUP 0",
            "INSTANCE \"VI_3\" MASTER_PRIORITY 210",
            "INSTANCE \"VI_3\" MASTER_RX_LOWER_PRI 210",
            "INSTANCE \"VI_3\" MASTER_RX_LOWER_PRI 210",
            "INSTANCE \"VI_3\" MASTER_RX_LOWER_PRI 210",
            "INSTANCE \"VI_1\" FAULT 150",
            "INSTANCE \"VI_2\" FAULT 150",
            "GROUP \"G1\" FAULT 0",
            "INSTANCE \"VI_3\" FAULT 210",
            "INSTANCE \"VI_2\" BACKUP 150",
            "INSTANCE \"VI_1\" BACKUP 150",
            "GROUP \"G1\" BACKUP 0",
            "INSTANCE \"VI_3\" BACKUP 210",
            "INSTANCE \"VI_3\" MASTER 210",
            "INSTANCE \"VI_2\" MASTER 150",
            "INSTANCE \"VI_1\" MASTER 150",
            "GROUP \"G1\" MASTER 0",
            "INSTANCE \"VI_1\" STOP 150",
            "INSTANCE \"VI_2\" STOP 150",
            "INSTANCE \"VI_3\" STOP 210",
            "GROUP \"G1\" STOP 0");

    @TempDir
    Path dir;

    private final List<AlertSink> sinks = new ArrayList<>();
    private final List<Process> readers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        sinks.forEach(AlertSink::close);
        for (Process p : readers) {
            p.destroyForcibly().waitFor();
        }
    }

    static GlobalSettings globals(NotifyFifoSettings... fifos) {
        GlobalSettings g = SampleStates.globals();
        return new GlobalSettings(g.routerId(), g.mail(), false, false, false, false, false, null, false, false, "no",
                null, false, null, false, Arrays.asList(fifos));
    }

    private AlertSink sink(NotifyFifoSettings fifo, List<String> problems) {
        List<AlertSink> made = new FifoSinkProvider().create(globals(fifo), Settings.empty("keepalived4j_alerts"),
                problems);
        sinks.addAll(made);
        return made.isEmpty() ? null : made.get(0);
    }

    private AlertSink sink(String keyword, Path fifo) {
        List<String> problems = new ArrayList<>();
        AlertSink sink = sink(new NotifyFifoSettings(keyword, fifo.toString(), null, null, null, "k.conf:3"),
                problems);
        assertThat(problems).isEmpty();
        return sink;
    }

    /** {@code cat FIFO > out}: a reader that reads until the last writer closes. */
    private Path reader(Path fifo) throws IOException {
        Path out = Files.createTempFile(dir, "read", ".txt");
        readers.add(new ProcessBuilder("cat", fifo.toString()).redirectOutput(out.toFile()).start());
        return out;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file);
    }

    static Alert alert(Alert.Kind kind, String name, String to, String priority) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (priority != null) {
            labels.put("priority", priority);
        }
        return new Alert("1-1-" + name + to, Instant.now(), "fa", kind, name, null, to, "s", "b", false, labels);
    }

    /** The alert our daemon makes for a recorded line (null for the lines it has no alert for). */
    static Alert alertFor(String line) {
        String[] w = line.split(" ");
        String name = w[1].substring(1, w[1].length() - 1);
        return w[0].equals("GROUP") ? alert(Alert.Kind.SYNC_GROUP, name, w[2], null)
                : alert(Alert.Kind.VRRP_INSTANCE, name, w[2], w[3]);
    }

    @Test
    void writesTheLinesKeepalived227WritesForTheSameTransitions() throws Exception {
        Path fifo = dir.resolve("notify.fifo");
        AlertSink sink = sink("notify_fifo", fifo);
        Path out = reader(fifo);
        List<String> expected = new ArrayList<>();
        for (String line : KEEPALIVED_227) {
            Alert a = alertFor(line);
            if (a != null) {
                assertThat(sink.accepts(a)).isTrue();
                deliverOnceReadable(sink, a);
                expected.add(line);
            }
        }
        // every line, MASTER_PRIORITY and MASTER_RX_LOWER_PRI included (AlertMapper makes those alerts)
        assertThat(expected).hasSize(KEEPALIVED_227.size());
        await().atMost(WAIT).until(() -> lines(out).size() == expected.size());
        assertThat(lines(out)).containsExactlyElementsOf(expected);
    }

    /** Delivers, retrying while cat has not opened the FIFO yet (ENXIO), as the spool would. */
    private static void deliverOnceReadable(AlertSink sink, Alert a) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).ignoreExceptions().until(() -> {
            sink.deliver(a);
            return true;
        });
    }

    @Test
    void writesCheckerLinesAsCheckNotifyDoes() throws Exception {
        Alert rs = new Alert("1", Instant.now(), "lb1", Alert.Kind.REAL_SERVER, "[10.2.0.1]:tcp:8080", "UP", "DOWN",
                "[lb1] Realserver [10.2.0.1]:tcp:8080 of virtual server [10.0.0.1]:tcp:80 - DOWN", "b", false,
                Map.of("virtual_server", "10.0.0.1:80/tcp"));
        Alert vs = new Alert("2", Instant.now(), "lb1", Alert.Kind.VIRTUAL_SERVER, "FWM 7", "DOWN", "UP",
                "[lb1] Virtualserver FWM 7 - UP", "b", false, Map.of());
        assertThat(FifoLines.line(rs)).isEqualTo("RS [10.2.0.1]:tcp:8080 [10.0.0.1]:tcp:80 DOWN\n");
        assertThat(FifoLines.line(vs)).isEqualTo("VS FWM 7 UP\n");
        Alert group = new Alert("3", Instant.now(), null, Alert.Kind.REAL_SERVER, "[10.2.0.1]:udp:53", "DOWN", "UP",
                "Realserver [10.2.0.1]:udp:53 of virtual server [web]:53 - UP", "b", false, Map.of());
        assertThat(FifoLines.line(group)).isEqualTo("RS [10.2.0.1]:udp:53 [web]:53 UP\n");
    }

    @Test
    void theVrrpAndLvsFifosTakeOnlyTheirOwnLines() {
        AlertSink vrrp = sink("vrrp_notify_fifo", dir.resolve("v.fifo"));
        AlertSink lvs = sink("lvs_notify_fifo", dir.resolve("l.fifo"));
        AlertSink all = sink("notify_fifo", dir.resolve("a.fifo"));
        assertThat(List.of(vrrp.name(), lvs.name(), all.name())).containsExactly("vrrp-fifo", "lvs-fifo", "fifo");
        for (Alert.Kind kind : Alert.Kind.values()) {
            Alert a = alert(kind, "x", "UP", "1");
            boolean isVrrp = kind == Alert.Kind.VRRP_INSTANCE || kind == Alert.Kind.SYNC_GROUP;
            boolean isLvs = kind == Alert.Kind.REAL_SERVER || kind == Alert.Kind.VIRTUAL_SERVER;
            assertThat(vrrp.accepts(a)).as("vrrp %s", kind).isEqualTo(isVrrp);
            assertThat(lvs.accepts(a)).as("lvs %s", kind).isEqualTo(isLvs);
            assertThat(all.accepts(a)).as("all %s", kind).isEqualTo(isVrrp || isLvs);
        }
    }

    @Test
    void withoutAReaderDeliveryFailsAndSucceedsOnceOneReads() throws Exception {
        Path fifo = dir.resolve("n.fifo");
        AlertSink sink = sink("notify_fifo", fifo);
        Alert first = alert(Alert.Kind.VRRP_INSTANCE, "VI_1", "MASTER", "100");
        assertThatThrownBy(() -> sink.deliver(first)).hasMessageContaining("no process reads");
        Path out = reader(fifo);
        deliverOnceReadable(sink, first);
        await().atMost(WAIT).until(() -> lines(out).equals(List.of("INSTANCE \"VI_1\" MASTER 100")));

        // the reader goes: the next line fails (EPIPE, then ENXIO) until another reads
        Process gone = readers.remove(0);
        gone.destroy();
        gone.waitFor();
        Alert second = alert(Alert.Kind.VRRP_INSTANCE, "VI_1", "BACKUP", "100");
        assertThatThrownBy(() -> sink.deliver(second)).hasMessageContaining("reader closed");
        assertThatThrownBy(() -> sink.deliver(second)).hasMessageContaining("no process reads");
        Path again = reader(fifo);
        deliverOnceReadable(sink, second);
        await().atMost(WAIT).until(() -> lines(again).equals(List.of("INSTANCE \"VI_1\" BACKUP 100")));
    }

    @Test
    void aFullPipeFailsInsteadOfBlocking() throws Exception {
        Path fifo = dir.resolve("full.fifo");
        AlertSink sink = sink("notify_fifo", fifo);
        // a reader that never reads
        readers.add(new ProcessBuilder("sh", "-c", "exec sleep 600 < \"$0\"", fifo.toString()).start());
        Alert a = alert(Alert.Kind.VRRP_INSTANCE, "VI_1", "MASTER", "100");
        deliverOnceReadable(sink, a);
        int written = 1;
        Exception failure = null;
        while (failure == null && written < 100_000) {
            try {
                sink.deliver(a);
                written++;
            } catch (IOException e) {
                failure = e;
            }
        }
        assertThat(failure).hasMessageContaining("full");
        // whole lines only: a pipe takes 64 KiB here, each line is 27 bytes
        assertThat(written).isLessThan(65536 / 27 + 1);
    }

    @Test
    void makesAMissingFifoPrivateAndRemovesItAtCloseButKeepsOneItFound() throws Exception {
        Path made = dir.resolve("made.fifo");
        AlertSink sink = sink("notify_fifo", made);
        assertThat(Files.getAttribute(made, "unix:mode")).isEqualTo(0010000 | 0600);
        sink.close();
        assertThat(made).doesNotExist();

        Path found = dir.resolve("found.fifo");
        assertThat(new ProcessBuilder("mkfifo", "-m", "0640", found.toString()).start().waitFor()).isZero();
        sink("notify_fifo", found).close();
        assertThat(Files.getAttribute(found, "unix:mode")).isEqualTo(0010000 | 0640);
    }

    @Test
    void aMadeFifoBelongsToTheUserTheLineNames() throws Exception {
        // the tests run as root, as the daemon does
        Path fifo = dir.resolve("owned.fifo");
        sink(new NotifyFifoSettings("vrrp_notify_fifo", fifo.toString(), "nobody", null, null, "k.conf:4"),
                new ArrayList<>());
        assertThat(Files.getOwner(fifo).getName()).isEqualTo("nobody");
        assertThat(Files.getAttribute(fifo, "unix:gid")).isEqualTo(Libc.user("nobody")[1]);
    }

    @Test
    void aPathThatCannotBeAFifoIsAProblemNamingTheLineAndNoSink() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        List<String> problems = new ArrayList<>();
        assertThat(sink(new NotifyFifoSettings("notify_fifo", file.toString(), null, null, null, "/etc/k.conf:7"),
                problems)).isNull();
        assertThat(sink(new NotifyFifoSettings("lvs_notify_fifo", dir.resolve("no/such/dir/f").toString(), null,
                null, null, "/etc/k.conf:9"), problems)).isNull();
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("/etc/k.conf:7: ").contains("is not a FIFO");
        assertThat(problems.get(1)).startsWith("/etc/k.conf:9: ").contains("lvs_notify_fifo").contains("No such file");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void theScriptReadsTheFifoFromItsPathAndIsStoppedWithItsGroupAtClose() throws Exception {
        Path log = dir.resolve("script.log");
        Path script = dir.resolve("reader.sh");
        Files.writeString(script, """
                #!/bin/sh
                log=$(dirname "$0")/script.log
                echo "args: $*" >> "$log"
                echo "group: $(cut -d' ' -f5 /proc/$$/stat) pid: $$" >> "$log"
                sleep 600 &
                echo "child: $!" >> "$log"
                while true; do
                  while read line; do echo "line: $line" >> "$log"; done < "$2"
                done
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path fifo = dir.resolve("s.fifo");
        List<String> problems = new ArrayList<>();
        AlertSink sink = sink(new NotifyFifoSettings("notify_fifo", fifo.toString(), null, null,
                new ScriptLine(script + " extra", null, null), "k.conf:2"), problems);
        assertThat(problems).isEmpty();
        deliverOnceReadable(sink, alert(Alert.Kind.SYNC_GROUP, "G1", "MASTER", null));
        await().atMost(WAIT).until(() -> Files.exists(log) && lines(log).contains("line: GROUP \"G1\" MASTER 0"));
        List<String> seen = lines(log);
        assertThat(seen.get(0)).isEqualTo("args: extra " + fifo);
        String[] group = seen.get(1).split(" ");
        assertThat(group[1]).as("the script leads its own group").isEqualTo(group[3]);
        long child = Long.parseLong(seen.get(2).split(" ")[1]);
        ProcessHandle script0 = ProcessHandle.of(Long.parseLong(group[3])).orElseThrow();

        sink.close();
        await().atMost(WAIT).until(() -> !script0.isAlive() && ProcessHandle.of(child).map(p -> !p.isAlive())
                .orElse(true));
        assertThat(fifo).doesNotExist();
    }

    @Test
    void anotherUserIsEnteredThroughSetprivWithItsOwnGroupOnly() throws Exception {
        int[] nobody = Libc.user("nobody");
        assertThat(FifoScript.userSwitch(new ScriptLine("/bin/true", "nobody", null))).containsExactly("setpriv",
                "--reuid=" + nobody[0], "--regid=" + nobody[1], "--groups=" + nobody[1], "--");
        assertThat(FifoScript.userSwitch(new ScriptLine("/bin/true", null, null))).isEmpty();
        assertThat(FifoScript.userSwitch(new ScriptLine("/bin/true", "root", null))).isEmpty();
        assertThatThrownBy(() -> FifoScript.userSwitch(new ScriptLine("/bin/true", "no-such-user-k4j", null)))
                .hasMessageContaining("unknown user no-such-user-k4j");
    }
}
