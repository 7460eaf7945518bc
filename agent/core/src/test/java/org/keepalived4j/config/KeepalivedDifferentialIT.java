package org.keepalived4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every sample configuration shipped with keepalived, real keepalived 2.2.7's {@code -t}
 * and our parser must agree on whether it is clean. Each runs inside the same fresh network
 * namespace holding the interfaces the samples name (eth0..eth3 and eth0.1, as veth
 * devices), so both see the same machine: our parser runs in a child JVM started with
 * {@code ip netns exec}, so {@link LocalSystemProbe} reads the namespace's own
 * {@code /sys/class/net} exactly as keepalived reads its interfaces there. Needs root.
 */
class KeepalivedDifferentialIT {

    private static final Path SAMPLES = Path.of("/usr/share/doc/keepalived/samples");
    private static final List<String> INTERFACES = List.of("eth0", "eth1", "eth2", "eth3", "eth0.1");

    private final String namespace = "parserdiff" + ProcessHandle.current().pid();
    private Path work;

    static Stream<String> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("keepalived.conf.")).sorted().toList();
            assertThat(names).as("keepalived's samples in " + SAMPLES).hasSize(25);
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void agreesWithKeepalivedOnWhetherTheSampleIsClean(String sample) throws Exception {
        work = Files.createTempDirectory("parserdiff");
        run(List.of("ip", "netns", "add", namespace));
        run(List.of("ip", "-n", namespace, "link", "set", "lo", "up"));
        for (String name : INTERFACES) {
            run(List.of("ip", "-n", namespace, "link", "add", name, "type", "veth", "peer", "name", "p" + name));
        }
        Path conf = SAMPLES.resolve(sample);
        Result keepalived = run(List.of("ip", "netns", "exec", namespace, "keepalived", "-t", "-f", conf.toString(),
                "-p", work.resolve("k.pid").toString(), "-r", work.resolve("v.pid").toString(),
                "-c", work.resolve("c.pid").toString(), "-b", work.resolve("b.pid").toString()));
        Result ours = run(List.of("ip", "netns", "exec", namespace, Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-cp", System.getProperty("java.class.path"),
                DifferentialParseMain.class.getName(), conf.toString()));
        assertThat(ours.output()).as("our parser's output").containsAnyOf("CLEAN\n", "UNCLEAN\n");
        boolean keepalivedClean = keepalived.exit() == 0;
        boolean oursClean = ours.output().endsWith("\nCLEAN\n") || ours.output().equals("CLEAN\n");
        assertThat(oursClean).as("%s: keepalived -t (exit %d) said:%n%s%nwe said:%n%s", sample, keepalived.exit(),
                keepalived.output(), ours.output()).isEqualTo(keepalivedClean);
    }

    @AfterEach
    void deleteNamespace() throws Exception {
        run(List.of("ip", "netns", "del", namespace));
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Result(p.exitValue(), out);
    }
}
