package org.keepalived4j.config.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's conformance seed configurations (copied from the shared conformance set) read
 * without errors. keepalived 2.2.7's own complaints about them are all about values, not syntax.
 */
class SeedConfigsTest {

    static Stream<Path> seeds() throws IOException, URISyntaxException {
        Path dir = Path.of(SeedConfigsTest.class.getResource("seeds").toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void readsWithoutErrors(Path seed) {
        ReaderFixture.Result result = ReaderFixture.read(seed, "node1");

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.tree()).isNotEmpty()
                .anySatisfy(node -> assertThat(node.keyword()).isIn("vrrp_instance", "virtual_server"));
    }
}
