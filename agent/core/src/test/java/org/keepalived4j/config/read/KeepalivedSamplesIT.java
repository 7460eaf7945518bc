package org.keepalived4j.config.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keepalived4j.config.Diagnostics;
import org.keepalived4j.config.Severity;

/**
 * Every sample configuration shipped with Debian's keepalived package reads without an ERROR or
 * FATAL diagnostic. The samples are keepalived's files, read where the package installs them;
 * without the package this test fails.
 */
class KeepalivedSamplesIT {

    private static final Path SAMPLES = Path.of("/usr/share/doc/keepalived/samples");

    static Stream<Path> samples() throws IOException {
        assertThat(SAMPLES).as("keepalived's samples (apt-get install keepalived)").isDirectory();
        List<Path> files;
        try (Stream<Path> list = Files.list(SAMPLES)) {
            files = list.filter(p -> p.getFileName().toString().startsWith("keepalived.conf.")).sorted().toList();
        }
        assertThat(files).as("keepalived.conf.* samples").hasSizeGreaterThanOrEqualTo(20);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void readsWithoutErrors(Path sample) {
        Diagnostics diagnostics = new Diagnostics();

        List<ConfigNode> tree = ConfigReader.read(sample, new ReaderOptions("node1"), diagnostics);

        assertThat(diagnostics.all()).noneMatch(d -> d.severity() == Severity.ERROR || d.severity() == Severity.FATAL);
        assertThat(tree).isNotEmpty();
    }
}
