package org.keepalived4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code keepalived4j -t} against keepalived 2.2.7's {@code -t} on every configuration of
 * keepalived's maintainer test-config collection (kept outside this project, found through the
 * {@code keepalived4j.corpus} property), Debian's 25 samples and our conformance seeds. Both run
 * in one network namespace holding the interfaces the corpus names (veths whose peers are in a
 * second namespace), from the corpus's directory (its configs include each other by relative
 * path); keepalived once per file, keepalived4j once for all files in one JVM
 * ({@link ConfigTestBatch}). Required on every file: the same exit status, no crash, hang or
 * stack trace of ours, and for every line keepalived's message names, a message of ours about
 * that line. The differences we keep are listed below with their reason; the summary table is
 * printed.
 */
class ConfigTestCorpusIT {

    private static final List<String> INTERFACES = List.of("eth0", "eth1", "eth2", "eth3", "eth4", "eth5", "em1",
            "ens160", "bond0", "ens192", "br0");
    private static final Path SAMPLES = Path.of("/usr/share/doc/keepalived/samples");
    private static final Pattern LINE = Pattern.compile("^\\((?:[^:()]*: )?Line (\\d+)\\) ", Pattern.MULTILINE);

    private static final String AH = "auth_type AH: keepalived 2.2.7 accepts it; keepalived4j has no IPsec-AH and says"
            + " the instance will not run";
    private static final String DISPLACED = "after an unknown keyword's ignored '{', keepalived reads the rest of the"
            + " enclosing block one level up (its '}' closes that block early); keepalived4j reads it in its block";
    private static final String NAMESPACE = "top-level net_namespace: keepalived 2.2.7's -t cannot enter the namespace"
            + " and exits 0 after its first read of global settings, validating nothing else; keepalived4j validates"
            + " the whole file (without looking up that namespace's interfaces)";
    private static final String KEEPALIVED_FAILED = "keepalived -t hung or crashed on it";

    /** Files whose exit status differs from keepalived's on purpose, and why. */
    private static final Map<String, String> OTHER_STATUS = Map.of(
            "ah.conf", AH, "ah1.conf", AH, "ah2.conf", AH, "955.1.conf", AH,
            "check_align.2.conf", DISPLACED);

    private static final String UNDEFINED_VARIABLE = "an undefined ${NAME} stays in its line as text: keepalived"
            + " then reads the braces in it as a block's braces, keepalived4j as part of the word";

    /** Files where keepalived's messages name lines ours do not, on purpose, and why. */
    private static final Map<String, String> OTHER_LINES = Map.of(
            "unicast_vmac1.conf", UNDEFINED_VARIABLE, "check_align.4.conf", UNDEFINED_VARIABLE);

    /**
     * Messages of keepalived's at a line where ours has none, kept on purpose: a fragment of the
     * message, and why.
     */
    private static final Map<String, String> OTHER_MESSAGES = new LinkedHashMap<>();

    static {
        OTHER_MESSAGES.put("Invalid smtp server ", "keepalived resolves a smtp_server host name as it reads it (this"
                + " machine has no DNS); keepalived4j resolves it when it sends mail");
    }

    private record Outcome(String status, String output, String namespace) {
    }

    @Test
    void exitStatusAndMessageLinesAgreeWithKeepalivedOnEveryFile() throws Exception {
        Path corpus = Path.of(System.getProperty("keepalived4j.corpus", "../../shared/conformance/corpus"))
                .toAbsolutePath().normalize();
        Path configs = corpus.resolve("configs");
        assertThat(configs).as("keepalived's test-config corpus (set -Dkeepalived4j.corpus=DIR)").isDirectory();
        List<String> files = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("verdicts.txt"))) {
            if (!line.isBlank()) {
                files.add(line.trim().split("\\s+", 2)[1]);
            }
        }
        try (Stream<Path> s = Files.list(SAMPLES)) {
            List<String> samples = s.map(Path::toString).filter(n -> n.contains("keepalived.conf.")).sorted().toList();
            assertThat(samples).as("Debian's keepalived samples").hasSize(25);
            files.addAll(samples);
        }
        Path seeds = Path.of(System.getProperty("keepalived4j.home"), "agent/core/src/test/resources/conformance");
        try (Stream<Path> s = Files.list(seeds)) {
            s.map(Path::toString).filter(n -> n.endsWith(".conf")).sorted().forEach(files::add);
        }

        try (Lab lab = new Lab("cfgt")) {
            String ns = lab.namespace("c");
            String peer = lab.namespace("p");
            for (String name : INTERFACES) {
                Lab.run("ip", "-n", ns, "link", "add", name, "type", "veth", "peer", "name", name, "netns", peer);
                Lab.run("ip", "-n", ns, "link", "set", name, "up");
            }
            Map<String, Outcome> keepalived = new LinkedHashMap<>();
            for (String file : files) {
                keepalived.put(file, keepalived(ns, configs, file));
            }
            Map<String, Outcome> ours = ours(ns, configs, files);
            compare(files, keepalived, ours);
        }
    }

    private static void compare(List<String> files, Map<String, Outcome> keepalived, Map<String, Outcome> ours) {
        Map<String, Integer> table = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        int same = 0;
        int lineMessages = 0;
        int linesMatched = 0;
        for (String file : files) {
            Outcome k = keepalived.get(file);
            Outcome o = ours.get(file);
            if (o == null) {
                failures.add(file + ": no result from keepalived4j");
                continue;
            }
            table.merge("keepalived " + k.status() + ", keepalived4j " + o.status(), 1, Integer::sum);
            if (o.status().equals("CRASH") || o.status().equals("HANG") || o.output().contains("\tat ")
                    || o.output().contains("Exception")) {
                failures.add(file + ": keepalived4j " + o.status() + "\n" + o.output());
                continue;
            }
            String reason = reasonForOtherStatus(file, k, o);
            if (k.status().equals(o.status())) {
                same++;
            } else if (reason != null) {
                kept.add(file + " (keepalived " + k.status() + ", keepalived4j " + o.status() + "): " + reason);
            } else {
                failures.add(file + ": keepalived -t exits " + k.status() + ", keepalived4j -t " + o.status()
                        + "\n--- keepalived\n" + k.output() + "--- keepalived4j\n" + o.output());
            }
            if (reason != null && (o.namespace() != null || reason.equals(DISPLACED))) {
                continue; // keepalived reads a different file structure (or stops early): its lines are not ours
            }
            if (OTHER_LINES.containsKey(file)) {
                kept.add(file + " (messages): " + OTHER_LINES.get(file));
                continue;
            }
            java.util.Set<Integer> ourLines = lines(o.output());
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String message : k.output().split("\n")) {
                Matcher m = LINE.matcher(message);
                if (!m.find() || !seen.add(message.substring(m.start(1)))) {
                    continue;
                }
                lineMessages++;
                if (ourLines.contains(Integer.parseInt(m.group(1)))) {
                    linesMatched++;
                } else if (otherMessage(message) == null && !displacedLine(k.output(), message)) {
                    failures.add(file + ": keepalived says \"" + message + "\"; keepalived4j says nothing about line "
                            + m.group(1) + "\n--- keepalived4j\n" + o.output());
                }
            }
        }
        StringBuilder summary = new StringBuilder("keepalived -t and keepalived4j -t on " + files.size() + " files\n");
        table.forEach((k, v) -> summary.append(String.format("  %-40s %4d%n", k, v)));
        summary.append(String.format("  same exit status: %d of %d; kept differences: %d; failures: %d%n", same,
                files.size(), kept.size(), failures.size()));
        summary.append(String.format("  keepalived's messages naming a line: %d, with a message of ours at it: %d%n",
                lineMessages, linesMatched));
        kept.forEach(k -> summary.append("  kept: ").append(k).append('\n'));
        System.out.print(summary);
        assertThat(failures).as(summary.toString()).isEmpty();
    }

    /** Why a file may exit otherwise than keepalived, or null. */
    private static String reasonForOtherStatus(String file, Outcome k, Outcome o) {
        if (!List.of("0", "2", "5", "6").contains(k.status())) {
            return KEEPALIVED_FAILED;
        }
        if (o.namespace() != null) {
            return NAMESPACE;
        }
        return OTHER_STATUS.get(file);
    }

    private static String otherMessage(String message) {
        return OTHER_MESSAGES.entrySet().stream().filter(e -> message.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** Whether keepalived said this after an unknown keyword's ignored '{' (see {@link #DISPLACED}). */
    private static boolean displacedLine(String output, String message) {
        int brace = output.indexOf("Unexpected '{' - ignoring");
        return brace >= 0 && output.indexOf(message) > brace;
    }

    private static java.util.Set<Integer> lines(String output) {
        java.util.Set<Integer> lines = new java.util.HashSet<>();
        Matcher m = LINE.matcher(output);
        while (m.find()) {
            lines.add(Integer.parseInt(m.group(1)));
        }
        return lines;
    }

    private static Outcome keepalived(String ns, Path dir, String file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ip", "netns", "exec", ns, "timeout", "10", "keepalived", "-t", "-f", file)
                .directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("keepalived -t -f %s ended", file).isTrue();
        return new Outcome(Integer.toString(p.exitValue()), out, null);
    }

    private static Map<String, Outcome> ours(String ns, Path dir, List<String> files) throws Exception {
        Path list = Files.createTempFile("config-test-corpus", ".txt");
        try {
            Files.write(list, files);
            String classes = Path.of(ConfigTestBatch.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
            Process p = new ProcessBuilder("ip", "netns", "exec", ns, Path.of(System.getProperty("java.home"), "bin",
                    "java").toString(), "-Xmx256m", "-cp", System.getProperty("keepalived4j.lib") + "/*:" + classes,
                    ConfigTestBatch.class.getName(), list.toString()).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("the batch of keepalived4j -t runs ended").isTrue();
            Map<String, Outcome> results = new LinkedHashMap<>();
            String file = null;
            String status = null;
            String namespace = null;
            StringBuilder text = new StringBuilder();
            for (String line : out.split("\n", -1)) {
                if (line.startsWith("@@ ")) {
                    if (file != null) {
                        results.put(file, new Outcome(status, text.toString(), namespace));
                    }
                    String[] parts = line.split(" ");
                    status = parts[1];
                    file = parts[2];
                    namespace = parts.length > 3 && parts[3].startsWith("ns=") ? parts[3].substring(3) : null;
                    text.setLength(0);
                } else if (file != null && !line.isEmpty()) {
                    text.append(line).append('\n');
                }
            }
            if (file != null) {
                results.put(file, new Outcome(status, text.toString(), namespace));
            }
            return results;
        } finally {
            Files.deleteIfExists(list);
        }
    }
}
