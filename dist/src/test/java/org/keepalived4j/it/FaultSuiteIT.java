package org.keepalived4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fault suite, short: every fault of {@link FaultScenarios} once, against a second
 * keepalived4j and against keepalived 2.2.7 (a few minutes each). After every fault exactly one
 * node holds each VIP within Master_Down_Interval plus {@link FaultRig#BOUND_MICROS} (plus
 * start-up after a restart); over the whole run no BACKUP, FAULT or stopped node holds a VIP,
 * two MASTERs only where the capture shows the adverts were lost or not sent, the counters
 * account for every packet, and no exception escapes. The report (figures and violations) is
 * printed and kept with the logs in {@code dist/target/fault-suite/}; {@code bench/faults.sh}
 * runs the same faults longer.
 */
class FaultSuiteIT {

    @ParameterizedTest(name = "b is {0}")
    @EnumSource(Node.Kind.class)
    void everyFaultEndsWithExactlyOneMasterPerVip(Node.Kind peer) throws Exception {
        Path dir = Path.of(System.getProperty("keepalived4j.home"), "dist", "target", "fault-suite",
                peer.name().toLowerCase());
        if (Files.exists(dir)) {
            try (var old = Files.walk(dir)) { // the logs and state files of an earlier run
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        FaultReport report = new FaultReport("fault suite (CI plan): a keepalived4j, b " + peer.name().toLowerCase());
        try (FaultRig rig = new FaultRig("kfs", dir, peer, report)) {
            new FaultScenarios(rig, FaultScenarios.Plan.ci()).run();
        } finally {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            report.print(new PrintStream(text, true, StandardCharsets.UTF_8));
            Files.write(dir.resolve("report.txt"), text.toByteArray());
            System.out.print(text.toString(StandardCharsets.UTF_8));
        }
        assertThat(report.violations()).as("violations (report and logs in %s)", dir).isEmpty();
    }
}
