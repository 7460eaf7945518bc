package org.keepalived4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keepalived4j.config.read.ConfigNode;

/**
 * The project's founding inputs: for each seed configuration, our diagnostics must report the
 * same conditions at the same lines as keepalived 2.2.7's {@code -t} transcript, and the same
 * verdict. keepalived sometimes prints two lines for one condition (a number reader's complaint
 * and the keyword's); consecutive transcript lines about the same line count as one condition,
 * matched by a diagnostic whose text contains each of them.
 */
class ConformanceSeedsTest {

    /**
     * Transcript lines (seed -> line numbers) produced by LVS blocks, which the LVS parsers
     * report. Until {@code virtual_server} is a known top-level keyword these lines, and our
     * diagnostics inside LVS blocks, are left out; once it is, everything is asserted.
     */
    static final Map<String, Set<Integer>> LVS_LINES_PENDING_LVS_MERGE = Map.of(
            "001-dual-master-lvs-dr", Set.of(50, 61, 73, 83, 94),
            "003-lvs-dr-backup", Set.of(33, 42));

    private static final Pattern LINE = Pattern.compile("^\\((?:(.*?): )?Line (\\d+)\\) (.*)$");

    static Stream<String> seeds() {
        return Stream.of("000-master-pass-auth", "001-dual-master-lvs-dr", "002-annotated-full", "003-lvs-dr-backup",
                "004-nginx-track-script");
    }

    record Condition(Integer line, List<String> texts) {
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void reportsWhatKeepalivedReports(String seed) throws IOException {
        String conf = resource(seed + ".conf");
        List<String> transcript = new ArrayList<>(List.of(resource(seed + ".keepalived-t.txt").split("\n")));
        String exit = transcript.remove(transcript.size() - 1);
        boolean lvsPending = !TopLevel.TABLE.knows("virtual_server");
        Set<Integer> lvsLines = lvsPending ? LVS_LINES_PENDING_LVS_MERGE.getOrDefault(seed, Set.of()) : Set.of();

        List<ConfigNode> tree = TextNodes.parse(seed + ".conf", conf);
        ConfigResult result = new KeepalivedConfigParser(probeFor(tree)).parse(tree, new Diagnostics());

        List<Condition> expected = conditions(transcript, lvsLines);
        List<Diagnostic> ours = result.diagnostics().stream().filter(d -> d.severity() != Severity.INFO)
                .filter(d -> !(lvsPending && insideLvs(tree, d))).toList();
        List<Diagnostic> unmatched = new ArrayList<>(ours);
        for (Condition c : expected) {
            Diagnostic match = unmatched.stream().filter(d -> matches(c, d)).findFirst().orElse(null);
            assertThat(match).as("%s: no diagnostic for keepalived's %s; ours: %s", seed, c, ours).isNotNull();
            unmatched.remove(match);
        }
        assertThat(unmatched).as("%s: diagnostics keepalived does not report", seed).isEmpty();
        assertThat(result.clean()).as("%s verdict (keepalived: %s)", seed, exit).isEqualTo("exit 0".equals(exit));
    }

    static List<Condition> conditions(List<String> transcript, Set<Integer> skipLines) {
        List<Condition> out = new ArrayList<>();
        for (String raw : transcript) {
            Matcher m = LINE.matcher(raw);
            Integer line = m.matches() ? Integer.valueOf(m.group(2)) : null;
            String text = normalize(m.matches() ? m.group(3) : raw);
            if (line != null && skipLines.contains(line)) {
                continue;
            }
            Condition last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && line != null && line.equals(last.line())) {
                last.texts().add(text);
            } else {
                out.add(new Condition(line, new ArrayList<>(List.of(text))));
            }
        }
        return out;
    }

    static boolean matches(Condition c, Diagnostic d) {
        if (c.line() != null && (d.location() == null || d.location().line() != c.line())) {
            return false;
        }
        String ours = normalize((d.subject() == null ? "" : "(" + d.subject() + ") ") + d.message());
        return c.texts().stream().allMatch(ours::contains);
    }

    static String normalize(String text) {
        return text.replaceAll("\\((\\S+)\\):", "($1)").replace("Warning - ", "").replace("WARNING - ", "")
                .replaceAll("\\s+", " ").trim();
    }

    private static boolean insideLvs(List<ConfigNode> tree, Diagnostic d) {
        if (d.location() == null) {
            return false;
        }
        for (ConfigNode n : tree) {
            if (("virtual_server".equals(n.keyword()) || "virtual_server_group".equals(n.keyword()))
                    && d.location().line() >= n.location().line() && d.location().line() <= lastLine(n)) {
                return true;
            }
        }
        return false;
    }

    private static int lastLine(ConfigNode n) {
        int last = n.location().line();
        if (n.children() != null) {
            for (ConfigNode c : n.children()) {
                last = Math.max(last, lastLine(c) + 1);
            }
        }
        return last;
    }

    /**
     * Every interface the configuration names exists; of the scripts, only /usr/bin/killall
     * does (as where the transcripts were made: /opt/chk_nginx.sh and
     * /etc/keepalived/notify.sh were absent).
     */
    static FakeSystemProbe probeFor(List<ConfigNode> tree) {
        FakeSystemProbe probe = new FakeSystemProbe();
        collectInterfaces(tree, probe, false);
        probe.missingScripts.add("/opt/chk_nginx.sh");
        probe.presentScripts = Set.of("/usr/bin/killall");
        return probe;
    }

    private static void collectInterfaces(List<ConfigNode> nodes, FakeSystemProbe probe, boolean trackBlock) {
        for (ConfigNode n : nodes) {
            if (trackBlock) {
                probe.interfaces.add(n.keyword());
            }
            if ("interface".equals(n.keyword()) && n.arg(0) != null) {
                probe.interfaces.add(n.arg(0));
            }
            List<String> words = n.words();
            for (int i = 0; i + 1 < words.size(); i++) {
                if ("dev".equals(words.get(i))) {
                    probe.interfaces.add(words.get(i + 1));
                }
            }
            if (n.children() != null) {
                collectInterfaces(n.children(), probe, "track_interface".equals(n.keyword()));
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ConformanceSeedsTest.class.getResourceAsStream("/conformance/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
