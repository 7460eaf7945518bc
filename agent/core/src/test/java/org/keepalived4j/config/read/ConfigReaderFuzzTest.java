package org.keepalived4j.config.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keepalived4j.config.Diagnostics;

/**
 * Fuzzes {@code ConfigReader.read(name, text, ...)}: no input may make it throw or hang; it may
 * only produce diagnostics, each with a location.
 *
 * <p>{@code mvn test} replays the regression inputs in
 * {@code src/test/resources/org/keepalived4j/config/read/ConfigReaderFuzzTestInputs/readsAnyText/}
 * and every file of keepalived's test-config corpus (copied beside them into the build from
 * {@code keepalived4j.corpus}; seeds when fuzzing), once within tight bounds (the fuzz target, so that fuzzing reaches every bound quickly) and
 * once through the public method with its default bounds. Set {@code JAZZER_FUZZ=1} to fuzz.
 * Includes resolve in a scratch directory holding a few files (one includes itself, one is
 * executable, one is a directory) for the fuzzer to reach.
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

    /** Bounds small enough that fuzzing hits each of them within a few bytes of input. */
    static final ReaderLimits TIGHT = new ReaderLimits(1023, 8, 20, 1 << 20, 4 << 20, 64, 2000,
            512, 20_000, 2000, 20_000, 1 << 16, 32, 16);

    @FuzzTest(maxDuration = "60s")
    void readsAnyText(byte[] input) {
        Diagnostics diagnostics = new Diagnostics();

        List<ConfigNode> tree = ConfigReader.read("fuzz.conf", new String(input, StandardCharsets.UTF_8), base,
                new ReaderOptions("node1"), diagnostics, TIGHT);

        assertThat(tree).isNotNull();
        assertThat(diagnostics.all()).allSatisfy(d -> assertThat(d.location()).isNotNull());
    }

    static Stream<Path> regressionInputs() throws IOException, URISyntaxException {
        Path dir = Path.of(ConfigReaderFuzzTest.class.getResource("ConfigReaderFuzzTestInputs/readsAnyText").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> inputs = files.sorted().toList();
            assertThat(inputs).hasSizeGreaterThanOrEqualTo(10);
            return inputs.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("regressionInputs")
    void readsTheRegressionInputsWithinTheDefaultBounds(Path input) throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        String text = new String(Files.readAllBytes(input), StandardCharsets.UTF_8);

        List<ConfigNode> tree = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> ConfigReader.read("fuzz.conf", text, base, new ReaderOptions("node1"), diagnostics));

        assertThat(tree).isNotNull();
        assertThat(diagnostics.all()).allSatisfy(d -> assertThat(d.location()).isNotNull());
    }
}
