package org.keepalived4j.config.read;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.keepalived4j.config.Diagnostic;
import org.keepalived4j.config.Diagnostics;
import org.keepalived4j.config.Severity;

/**
 * Reads a keepalived configuration (the main file and everything it includes) into a tree of
 * {@link ConfigNode}s, with exactly keepalived 2.2.7's lexical rules: comments, quoting,
 * {@code include} with globs, {@code @id} conditions, {@code $NAME} parameters, ~SEQ/~LST
 * repetition and {@code { }} blocks.
 *
 * <p>Like keepalived, it reads twice (see {@link ConsolidatedCopy}): the files, then the
 * consolidated copy the first reading made. The tree holds what keepalived uses at start-up:
 * the top-level {@code global_defs} blocks of the first reading (keepalived's parent process
 * parses them and its VRRP and checker processes inherit them, so they come first in the tree)
 * and everything else from the second reading, which is what those processes parse.
 *
 * <p>The reader never throws for bad input: every problem becomes a {@link Diagnostic} with the
 * file and line, in keepalived's wording, and never quoting the text of a line. An unusable main
 * file is FATAL; include problems are warnings unless an include check makes them FATAL, as in
 * keepalived; everything else is an ERROR, and what keepalived accepts silently is accepted
 * silently.
 */
public final class ConfigReader {

    private static final String GLOBAL_DEFS = "global_defs";

    private ConfigReader() {
    }

    /**
     * Reads FILE and everything it includes; returns the top-level lines as a tree. Never throws for
     * bad input: every problem becomes a Diagnostic naming file and line. An unreadable main file is
     * FATAL.
     */
    public static List<ConfigNode> read(Path file, ReaderOptions options, Diagnostics diagnostics) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(diagnostics, "diagnostics");
        ReaderLimits limits = ReaderLimits.DEFAULT;
        String name = file.toString();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            diagnostics.notCounted(null, Severity.FATAL, "Config files missing '" + name + "'.");
            return List.of();
        }
        ReadBudget budget = new ReadBudget(limits);
        ConfigFileOpener.Outcome main = new ConfigFileOpener(budget).open(file, name);
        if (main.source() == null) {
            diagnostics.notCounted(null, Severity.FATAL, main.problem());
            return List.of();
        }
        return read(main.source(), budget, options, diagnostics, limits, new Random());
    }

    /**
     * Same, from text (for tests/fuzzing); {@code name} is used as the file name in locations;
     * includes resolve relative to {@code baseDir} (the current directory if null).
     */
    public static List<ConfigNode> read(String name, String text, Path baseDir, ReaderOptions options,
                                        Diagnostics diagnostics) {
        return read(name, text, baseDir, options, diagnostics, ReaderLimits.DEFAULT);
    }

    /** Reads text within other bounds (tests use tighter ones to reach them quickly). */
    static List<ConfigNode> read(String name, String text, Path baseDir, ReaderOptions options,
                                 Diagnostics diagnostics, ReaderLimits limits) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(diagnostics, "diagnostics");
        Path directory = (baseDir == null ? Path.of("") : baseDir).toAbsolutePath();
        PhysicalLines lines = new PhysicalLines(ConfigText.fromUnicode(text), name, limits.maxLineLength());
        ContentSource main = new ContentSource(lines, directory, ConfigFileOpener.parentName(name), null);
        return read(main, new ReadBudget(limits), options, diagnostics, limits, new Random());
    }

    private static List<ConfigNode> read(ContentSource main, ReadBudget firstBudget, ReaderOptions options,
                                         Diagnostics diagnostics, ReaderLimits limits, Random random) {
        String configId = options.configId() == null ? null : ConfigText.fromUnicode(options.configId());
        Diagnostics first = new Diagnostics();
        ConsolidatedCopy copy = new ConsolidatedCopy();
        LineProducer parent = new LineProducer(main, configId, random, firstBudget, first, copy);
        List<ConfigNode> parentTree = new BlockTreeBuilder(parent, first, limits.maxBlockDepth()).build();

        Diagnostics second = new Diagnostics();
        LineSource copyReader = copy.reader(main.directory(), main.displayDirectory());
        LineProducer child = new LineProducer(copyReader, configId, random, new ReadBudget(limits), second, null);
        List<ConfigNode> childTree = new BlockTreeBuilder(child, second, limits.maxBlockDepth()).build();

        Set<Diagnostic> all = new LinkedHashSet<>(first.all());
        all.addAll(second.all());
        all.forEach(diagnostics::add);

        List<ConfigNode> tree = new ArrayList<>();
        parentTree.stream().filter(ConfigReader::isGlobalDefs).forEach(tree::add);
        childTree.stream().filter(node -> !isGlobalDefs(node)).forEach(tree::add);
        return List.copyOf(tree);
    }

    private static boolean isGlobalDefs(ConfigNode node) {
        return node.keyword().equals(GLOBAL_DEFS);
    }
}
