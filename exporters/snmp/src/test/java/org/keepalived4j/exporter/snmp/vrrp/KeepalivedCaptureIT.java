package org.keepalived4j.exporter.snmp.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.model.VrrpState;

/**
 * The comparison with the real keepalived, from a capture made now rather than the recorded one:
 * runs capture-keepalived-vrrp.sh (root; keepalived, snmpd, snmptrapd and snmpwalk installed;
 * about 30 s) into a temporary directory and compares its walks and notifications with the
 * sections and sources as KeepalivedWalkComparisonTest and KeepalivedTrapComparisonTest do. It
 * fails when keepalived's answers have changed from what the recorded files say.
 */
class KeepalivedCaptureIT {

    private static final Path SCRIPT = Path.of("src/test/scripts/capture-keepalived-vrrp.sh");

    @TempDir
    Path out;

    @Test
    void aFreshCaptureOfKeepalivedMatchesTheSectionsAndSources() throws Exception {
        for (String program : new String[] {"/usr/sbin/keepalived", "/usr/sbin/snmpd", "/usr/sbin/snmptrapd",
            "/usr/bin/snmpwalk"}) {
            assertThat(Path.of(program)).as("%s is needed (Debian: keepalived snmpd snmptrapd snmp)", program)
                    .isExecutable();
        }
        Process capture = new ProcessBuilder("sh", SCRIPT.toString(), out.toString()).redirectErrorStream(true)
                .start();
        String log = new String(capture.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(capture.waitFor(5, TimeUnit.MINUTES)).as("the capture finished").isTrue();
        assertThat(capture.exitValue()).as("the capture succeeded:%n%s", log).isZero();

        String interfaces = read("interfaces.txt");
        for (VrrpState state : new VrrpState[] {VrrpState.MASTER, VrrpState.BACKUP}) {
            LabComparison.WalkResult result = LabComparison.walk(read("walk-" + state.name().toLowerCase() + ".txt"),
                    interfaces, state);
            assertThat(result.unexplained()).as("objects that differ from keepalived's, %s", state).isEmpty();
            assertThat(result.keepalived()).isGreaterThan(350);
        }
        assertThat(LabComparison.ourTraps(interfaces)).containsExactlyElementsOf(
                LabComparison.keepalivedTraps(read("traps.txt")));
    }

    private String read(String name) throws IOException {
        return Files.readString(out.resolve(name));
    }
}
