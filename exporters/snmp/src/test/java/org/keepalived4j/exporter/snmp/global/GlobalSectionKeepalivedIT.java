package org.keepalived4j.exporter.snmp.global;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The global section against the real keepalived, now: runs capture-keepalived-global.sh (real
 * keepalived 2.2.7 and snmpd in a network namespace of their own) into a scratch directory and
 * compares every fresh walk with what the section serves for the same configuration, as
 * GlobalSectionComparisonTest does with the walks kept in the test resources. Needs root,
 * keepalived, snmpd and snmpwalk; fails rather than skips without them.
 */
class GlobalSectionKeepalivedIT {

    private static final Path SCRIPT = Path.of("src/test/scripts/capture-keepalived-global.sh");

    @Test
    void servesWhatTheRealKeepalivedServes(@TempDir Path out) throws IOException, InterruptedException {
        assertThat(System.getProperty("user.name")).as("the capture creates a network namespace: run as root")
                .isEqualTo("root");
        Path log = out.resolve("capture.log");
        Process capture = new ProcessBuilder("sh", SCRIPT.toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // generous: four keepalived starts, each waited for up to 30 s by the script itself
        boolean finished = capture.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            capture.destroy();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("capture finished: %s", output).isTrue();
        assertThat(capture.exitValue()).as("capture succeeded: %s", output).isZero();

        for (KeepalivedGlobalCases c : KeepalivedGlobalCases.values()) {
            String walk = Files.readString(out.resolve("walk-" + c.name + ".txt"), StandardCharsets.UTF_8);
            c.assertSameAs(SnmpWalkText.parse(walk));
        }
    }
}
