package org.keepalived4j.config.read;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.keepalived4j.config.Diagnostic;
import org.keepalived4j.config.Diagnostics;

/** Reads configuration text and renders the result compactly for assertions. */
final class ReaderFixture {

    /** What one read produced. */
    record Result(List<ConfigNode> tree, List<Diagnostic> diagnostics) {

        /**
         * The tree, one line per node: its words joined by '|', children indented by two spaces
         * (so {@code a b { c }} renders as "a|b\n  c").
         */
        String render() {
            StringBuilder sb = new StringBuilder();
            render(tree, "", sb);
            return sb.toString();
        }

        /** Every word of every node, depth first. */
        List<String> words() {
            return tree.stream().flatMap(Result::wordsOf).collect(Collectors.toList());
        }

        /** Diagnostics as "SEVERITY line message". */
        List<String> messages() {
            return diagnostics.stream()
                    .map(d -> d.severity() + " " + (d.location() == null ? "-" : d.location().line()) + " " + d.message())
                    .collect(Collectors.toList());
        }

        private static java.util.stream.Stream<String> wordsOf(ConfigNode node) {
            java.util.stream.Stream<String> own = node.words().stream();
            return node.isBlock() ? java.util.stream.Stream.concat(own, node.children().stream().flatMap(Result::wordsOf))
                    : own;
        }

        private static void render(List<ConfigNode> nodes, String indent, StringBuilder sb) {
            for (ConfigNode node : nodes) {
                sb.append(indent).append(String.join("|", node.words())).append('\n');
                if (node.isBlock()) {
                    render(node.children(), indent + "  ", sb);
                }
            }
        }
    }

    private ReaderFixture() {
    }

    /** Reads {@code text} as "test.conf" with config id "node1", includes relative to the current directory. */
    static Result read(String text) {
        return read(text, Path.of(""), "node1");
    }

    static Result read(String text, Path baseDir, String configId) {
        Diagnostics diagnostics = new Diagnostics();
        List<ConfigNode> tree = ConfigReader.read("test.conf", text, baseDir, new ReaderOptions(configId), diagnostics);
        return new Result(tree, diagnostics.all());
    }

    static Result read(Path file, String configId) {
        Diagnostics diagnostics = new Diagnostics();
        List<ConfigNode> tree = ConfigReader.read(file, new ReaderOptions(configId), diagnostics);
        return new Result(tree, diagnostics.all());
    }
}
