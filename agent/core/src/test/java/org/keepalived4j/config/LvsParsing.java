package org.keepalived4j.config;

import java.util.List;
import java.util.Optional;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;

/** Test fixture: runs the LVS sections of a configuration text through the real section parsers. */
public final class LvsParsing {

    /** What parsing produced. */
    public record Result(LvsConfig lvs, List<Diagnostic> diagnostics) {

        public List<String> messages() {
            return diagnostics.stream().map(d -> (d.location() == null ? "-" : String.valueOf(d.location().line()))
                    + " " + d.message()).toList();
        }
    }

    private LvsParsing() {
    }

    public static Result parse(String text) {
        return parse(TextNodes.nodes("test.conf", text), null, List.of());
    }

    public static Result parse(List<ConfigNode> nodes, GlobalConfig global, List<TrackFileConfig> trackFiles) {
        Diagnostics diagnostics = new Diagnostics();
        ParseContext ctx = new ParseContext(diagnostics, new FakeProbe());
        ConfigBuilder builder = new ConfigBuilder(new FakeProbe());
        for (ConfigNode node : nodes) {
            if (TopLevel.TABLE.knows(node.keyword())) {
                TopLevel.TABLE.apply(builder, node, ctx);
            }
        }
        LvsConfig lvs = builder.lvs().build(ctx, global, trackFiles);
        return new Result(lvs, diagnostics.all());
    }

    /** A machine where users root and nobody exist. */
    static final class FakeProbe implements SystemProbe {
        @Override
        public boolean interfaceExists(String name) {
            return true;
        }

        @Override
        public boolean userExists(String name) {
            return name.equals("root") || name.equals("nobody");
        }

        @Override
        public boolean groupExists(String name) {
            return name.equals("root") || name.equals("nogroup");
        }

        @Override
        public Optional<String> scriptProblem(String command) {
            return Optional.empty();
        }

        @Override
        public Optional<String> scriptSecurityProblem(String command) {
            return Optional.empty();
        }

        @Override
        public String hostName() {
            return "test-host";
        }
    }
}
