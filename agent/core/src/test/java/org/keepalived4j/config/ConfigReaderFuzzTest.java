package org.keepalived4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes {@link ConfigReader#read(String, String, Path, ReaderOptions, Diagnostics)}: no input may
 * make it throw or hang; it may only produce diagnostics, each with a location.
 *
 * <p>{@code mvn test} replays the regression inputs in
 * {@code src/test/resources/org/keepalived4j/config/ConfigReaderFuzzTestInputs/readsAnyText/};
 * set {@code JAZZER_FUZZ=1} to fuzz. Includes resolve in a scratch directory holding a few
 * files (one includes itself, one is executable, one is a directory) for the fuzzer to reach.
 */
class ConfigReaderFuzzTest {

    private static Path base;

    @BeforeAll
    static void createIncludeTargets() throws IOException {
        base = Files.createTempDirectory("config-reader-fuzz");
        Files.writeString(base.resolve("a.conf"), "global_defs {\n router_id a\n}\n");
        Files.createDirectories(base.resolve("sub/dir.conf"));
        Files.writeString(base.resolve("sub/b.conf"), "$B=bee\nvrrp_instance ${B} {\n include ../a.conf\n}\n");
        Files.writeString(base.resolve("loop.conf"), "x\ninclude loop.conf\n");
        Path executable = base.resolve("exec.conf");
        Files.writeString(executable, "x\n");
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterAll
    static void removeIncludeTargets() throws IOException {
        Deque<Path> paths = new ArrayDeque<>();
        try (var walk = Files.walk(base)) {
            walk.forEach(paths::push);
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void readsAnyText(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Diagnostics diagnostics = new Diagnostics();

        List<ConfigNode> tree = ConfigReader.read("fuzz.conf", text, base, new ReaderOptions("node1"), diagnostics);

        assertThat(tree).isNotNull();
        assertThat(diagnostics.all()).allSatisfy(d -> assertThat(d.location()).isNotNull());
    }
}
