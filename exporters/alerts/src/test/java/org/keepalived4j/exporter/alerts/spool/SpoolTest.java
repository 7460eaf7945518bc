package org.keepalived4j.exporter.alerts.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.exporter.alerts.Alert;
import org.keepalived4j.model.ScriptLine;

class SpoolTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0.plusSeconds(10), ZoneOffset.UTC);

    @TempDir
    Path dir;

    static Alert alert(int n) {
        return alert(n, T0);
    }

    static Alert alert(int n, Instant at) {
        return new Alert("run-" + n, at, "lb1", Alert.Kind.VRRP_INSTANCE, "VI_" + n, "BACKUP", "MASTER",
                "[lb1] VRRP Instance VI_" + n + " - Entering MASTER state", "=> VRRP Instance is now owning VRRP VIPs <=",
                true, Map.of("reason", "master no response", "priority", "100"));
    }

    private static List<String> ids(Spool spool) {
        return spool.pending().stream().map(e -> e.alert().id()).toList();
    }

    private Spool open() throws IOException {
        return Spool.open(dir, 64L << 20, Duration.ofDays(7), CLOCK);
    }

    @Test
    void givesBackWhatWasNotAcknowledgedAfterReopeningInOrder() throws Exception {
        try (Spool spool = open()) {
            for (int i = 1; i <= 5; i++) {
                spool.append(alert(i));
            }
            Spool.Entry head = spool.head(Duration.ZERO);
            assertThat(head.alert()).isEqualTo(alert(1));
            spool.acknowledge(head.sequence());
            spool.acknowledge(spool.head(Duration.ZERO).sequence());
        }
        try (Spool again = open()) {
            assertThat(ids(again)).containsExactly("run-3", "run-4", "run-5");
            assertThat(again.head(Duration.ZERO).alert()).isEqualTo(alert(3));
            // numbering goes on after the records already written
            long next = again.append(alert(6));
            assertThat(next).isEqualTo(5);
        }
        try (Spool third = open()) {
            assertThat(ids(third)).containsExactly("run-3", "run-4", "run-5", "run-6");
        }
    }

    @Test
    void cutsARecordTornByACrashAndKeepsTheOnesBefore() throws Exception {
        try (Spool spool = open()) {
            spool.append(alert(1));
            spool.append(alert(2));
        }
        Path segment = segments().get(0);
        long size = Files.size(segment);
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(size - 7); // the second record half written
        }
        try (Spool again = open()) {
            assertThat(ids(again)).containsExactly("run-1");
            again.append(alert(3));
        }
        try (Spool third = open()) {
            assertThat(ids(third)).containsExactly("run-1", "run-3");
        }
    }

    @Test
    void aCorruptedRecordEndsTheReadableSegment() throws Exception {
        try (Spool spool = open()) {
            spool.append(alert(1));
            spool.append(alert(2));
        }
        Path segment = segments().get(0);
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 3] ^= 0x55; // a flipped byte inside the second record: its CRC no longer matches
        Files.write(segment, bytes);
        try (Spool again = open()) {
            assertThat(ids(again)).containsExactly("run-1");
        }
    }

    @Test
    void overItsSizeDropsTheOldestSegmentAndCountsWhatWasLost() throws Exception {
        try (Spool spool = Spool.open(dir, 128 * 1024, Duration.ofDays(7), CLOCK)) {
            for (int i = 0; i < 2000; i++) {
                spool.append(alert(i));
            }
            assertThat(spool.bytes()).isLessThanOrEqualTo(128 * 1024);
            assertThat(spool.dropped()).isPositive();
            assertThat(spool.queued() + spool.dropped()).isEqualTo(2000);
            // the newest survive, the oldest went
            assertThat(ids(spool)).endsWith("run-1999").doesNotContain("run-0");
            assertThat(segments()).hasSizeGreaterThan(1);
        }
        try (Spool again = Spool.open(dir, 128 * 1024, Duration.ofDays(7), CLOCK)) {
            assertThat(ids(again).get(0)).isNotEqualTo("run-0");
            assertThat(ids(again)).endsWith("run-1999");
        }
    }

    @Test
    void dropsAlertsOlderThanItsAgeAtTheHead() throws Exception {
        try (Spool spool = Spool.open(dir, 64L << 20, Duration.ofSeconds(5), CLOCK)) {
            spool.append(alert(1, T0)); // 10 s old
            spool.append(alert(2, T0.plusSeconds(8))); // 2 s old
            assertThat(spool.head(Duration.ZERO).alert().id()).isEqualTo("run-2");
            assertThat(spool.dropped()).isEqualTo(1);
        }
        try (Spool again = Spool.open(dir, 64L << 20, Duration.ofSeconds(5), CLOCK)) {
            assertThat(ids(again)).containsExactly("run-2");
        }
    }

    @Test
    void deletesSegmentsOnceEverythingInThemWasDelivered() throws Exception {
        try (Spool spool = Spool.open(dir, 1 << 20, Duration.ofDays(7), CLOCK)) {
            for (int i = 0; i < 3000; i++) {
                spool.append(alert(i));
            }
            assertThat(segments()).hasSizeGreaterThan(2);
            Spool.Entry e;
            while ((e = spool.head(Duration.ZERO)) != null) {
                spool.acknowledge(e.sequence());
            }
            assertThat(segments()).hasSize(1);
            assertThat(spool.queued()).isZero();
            assertThat(spool.dropped()).isZero();
        }
        try (Spool again = Spool.open(dir, 1 << 20, Duration.ofDays(7), CLOCK)) {
            assertThat(again.queued()).isZero();
        }
    }

    @Test
    void headWaitsForAnAppendFromAnotherThread() throws Exception {
        try (Spool spool = open()) {
            Thread writer = new Thread(() -> {
                try {
                    Thread.sleep(50);
                    spool.append(alert(1));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            assertThat(spool.head(Duration.ofSeconds(30)).alert().id()).isEqualTo("run-1");
            writer.join();
        }
    }

    @Test
    void theCodecKeepsEveryField() throws Exception {
        Alert a = new Alert("x-1", T0.plusNanos(123456789), null, Alert.Kind.REAL_SERVER, "[10.0.0.1]:tcp:80", null,
                "DOWN", "subject é", null, false, Map.of());
        assertThat(AlertCodec.decode(AlertCodec.encode(a))).isEqualTo(a);
        assertThat(AlertCodec.decode(AlertCodec.encode(alert(7)))).isEqualTo(alert(7));
        Alert scripts = alert(8).withScripts(List.of(
                new Alert.Script(new ScriptLine("/bin/n 'a b'", "nobody", null, List.of("/bin/n", "a b")), List.of()),
                new Alert.Script(new ScriptLine("/bin/any", null, null), List.of("INSTANCE", "VI_1", "MASTER", "100"))));
        assertThat(AlertCodec.decode(AlertCodec.encode(scripts))).isEqualTo(scripts);
    }

    @Test
    void aRecordSpooledBeforeScriptsWereCarriedIsReadAsRunningNone() throws Exception {
        Alert a = alert(9);
        byte[] v2 = AlertCodec.encode(a);
        // version 1 is version 2 without the script count at the end
        byte[] v1 = java.util.Arrays.copyOf(v2, v2.length - 4);
        v1[0] = 1;
        assertThat(AlertCodec.decode(v1)).isEqualTo(a);
        byte[] v3 = v2.clone();
        v3[0] = 3;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AlertCodec.decode(v3))
                .isInstanceOf(IOException.class).hasMessageContaining("version 3");
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".spool")).sorted().toList();
        }
    }
}
