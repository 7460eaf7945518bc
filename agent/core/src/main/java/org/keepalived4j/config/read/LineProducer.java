package org.keepalived4j.config.read;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.keepalived4j.config.Diagnostic;
import org.keepalived4j.config.Diagnostics;
import org.keepalived4j.config.Severity;
import org.keepalived4j.config.SourceLocation;

/**
 * Produces logical lines the way keepalived 2.2.7's {@code read_line()} does. Where the next
 * line comes from, in order of priority: the rest of a line split at a brace; the next
 * repetition of the innermost ~SEQ/~LST; the next line of a multi-line parameter; the next
 * physical line of the innermost include file. Every line then goes through, in order:
 * {@code @id}/{@code @^id} conditions, {@code $NAME=} definitions, ~SEQ/~LST heads, parameter
 * substitution (followed by comment stripping and, if the result starts with '@' or still holds
 * a '$', another round), include lines (also when they result from substitution), and finally
 * splitting before and after every '{' and '}' that is not inside double quotes.
 *
 * <p>Deliberate differences from keepalived, which has bugs there: a conditional that results
 * from substitution ({@code $IF=@main} then {@code $IF priority 1}) is applied as documented
 * (keepalived 2.2.7 copies a wrong length); a failed ~LST does not swallow the next ~SEQ/~LST;
 * a parameter defined as itself is an error instead of an endless loop.
 */
final class LineProducer implements GlobSource.Host {

    /** One logical line: the text to split into words, and where it comes from. */
    record LogicalLine(String text, SourceLocation location) {
    }

    /** A line to process; {@code rest} if it is what followed a brace on the previous one. */
    private record Pulled(String text, SourceLocation location, boolean rest) {
    }

    private final LineSource main;
    private final Deque<LineSource> sources = new ArrayDeque<>();
    private final Definitions definitions = new Definitions();
    private final DefinitionReader definitionReader;
    private final MacroExpander expander;
    private final RepeaterParser repeaterParser;
    private final List<Repeater> repeaters = new ArrayList<>();
    private final MultilineState multiline = new MultilineState();
    private final IncludeResolver includes;
    private final ReadBudget budget;
    private final Diagnostics diagnostics;
    private final ConsolidatedCopy copy;
    private final String configId;
    private String residue;
    private SourceLocation residueAt;
    private int includeCheck;
    /** Substitutions made on the current line, including the parts after its braces. */
    private int lineSubstitutions;
    private boolean exhausted;

    /**
     * @param main the main file (or the consolidated copy)
     * @param configId the config id, byte-per-char, or null for none
     * @param copy where to write the consolidated copy (first pass), or null (second pass)
     */
    LineProducer(LineSource main, String configId, Random random, ReadBudget budget, Diagnostics diagnostics,
                 ConsolidatedCopy copy) {
        this.main = main;
        this.configId = configId;
        this.budget = budget;
        this.diagnostics = diagnostics;
        this.copy = copy;
        this.expander = new MacroExpander(definitions, this::currentDirectory, configId == null ? "" : configId, random);
        this.repeaterParser = new RepeaterParser(expander, budget, diagnostics);
        this.includes = new IncludeResolver(budget, new ConfigFileOpener(budget));
        this.definitionReader = new DefinitionReader(definitions, budget.limits().maxDefinitionBytes(), diagnostics);
        sources.push(main);
    }

    /** The next logical line, or null at the end of the configuration. */
    LogicalLine next() {
        while (!exhausted) {
            Pulled line = pull();
            if (line == null) {
                exhausted = true;
                break;
            }
            if (!line.rest()) {
                lineSubstitutions = 0;
            }
            if (definitionReader.pending()) {
                definitionReader.continueWith(line.text(), line.location());
                continue;
            }
            String text = line.text().isEmpty() ? "" : process(line.text(), line.location());
            if (text.isEmpty() || include(text, line.location())) {
                continue;
            }
            LineShape.Split split = LineShape.splitAtBrace(text);
            text = split.head();
            if (split.rest() != null) {
                residue = split.rest();
                residueAt = line.location();
            }
            if (!budget.line()) {
                diagnostics.error(line.location(), "More than " + budget.limits().maxLines()
                        + " configuration lines - ignoring the rest");
                exhausted = true;
                break;
            }
            return new LogicalLine(text, line.location());
        }
        return null;
    }

    /** Applies an {@code include_check} line of global_defs to the includes that follow. */
    void applyIncludeCheck(List<String> options, SourceLocation at) {
        includeCheck = IncludeFlags.apply(includeCheck, options, at, diagnostics);
    }

    private Pulled pull() {
        if (residue != null) {
            Pulled pulled = new Pulled(residue, residueAt, true);
            residue = null;
            return pulled;
        }
        if (repeaters.size() > multiline.seqDepth() && generated(repeaters.get(repeaters.size() - 1).location())) {
            Repeater repeater = repeaters.get(repeaters.size() - 1);
            repeater.assignNext(definitions);
            if (repeater.finished()) {
                repeaters.remove(repeaters.size() - 1);
            }
            return new Pulled(repeater.text(), repeater.location(), false);
        }
        if (multiline.active() && generated(multiline.origin())) {
            SourceLocation origin = multiline.origin();
            return new Pulled(multiline.nextLine(), origin, false);
        }
        return pullPhysical();
    }

    /** Counts a generated line; past the bound, abandons all repetition and expansion. */
    private boolean generated(SourceLocation at) {
        if (budget.generatedLine()) {
            return true;
        }
        diagnostics.error(at, "~SEQ, ~LST or multi-line parameters produce more than "
                + budget.limits().maxGeneratedLines() + " lines - ignoring the rest");
        repeaters.clear();
        multiline.clear();
        return false;
    }

    private Pulled pullPhysical() {
        while (true) {
            LineSource top = sources.peek();
            if (top == null) {
                return null;
            }
            PhysicalLines.RawLine raw = top.next();
            if (raw == null) {
                sources.pop();
                continue;
            }
            if (raw.text().isEmpty()) {
                definitionReader.blankLine();
                if (copy != null) {
                    copy.add("", raw.location(), top);
                }
                continue;
            }
            String text = strip(raw.text(), raw.location());
            if (copy != null) {
                copy.add(LineShape.includeType(text) >= 0 ? "" : text, raw.location(), top);
            }
            if (!text.isEmpty()) {
                return new Pulled(text, raw.location(), false);
            }
        }
    }

    private String strip(String text, SourceLocation at) {
        CommentStripper.Stripped stripped = CommentStripper.strip(text);
        if (stripped.unterminatedQuote()) {
            diagnostics.error(at, "Unterminated quote");
        }
        return stripped.text();
    }

    /** Conditions, definitions, ~SEQ/~LST and substitution; "" if nothing is left of the line. */
    private String process(String text, SourceLocation at) {
        String buf = text;
        boolean again;
        do {
            again = false;
            if (buf.startsWith("@")) {
                buf = LineShape.conditional(buf, configId);
                if (buf.isEmpty()) {
                    return "";
                }
            }
            if (definitionReader.define(buf)) {
                return "";
            }
            if (buf.startsWith("~SEQ") || buf.startsWith("~LST")) {
                Repeater repeater = repeaterParser.parse(buf, at);
                if (repeater != null) {
                    repeaters.add(repeater);
                }
                return "";
            }
            if (buf.startsWith("~") || buf.indexOf('$') < 0) {
                return buf;
            }
            MacroExpander.Result result = expander.expand(buf, budget.limits().maxLineLength(),
                    budget.limits().maxSubstitutionsPerLine() - lineSubstitutions, multiline, repeaters.size(), at,
                    budget, diagnostics);
            lineSubstitutions += result.substitutions();
            switch (result.outcome()) {
                case NONE, OVERFLOW -> {
                    return result.text();
                }
                case RUNAWAY -> {
                    return "";
                }
                default -> {
                    buf = strip(result.text(), at);
                    again = buf.startsWith("@") || buf.indexOf('$') >= 0;
                }
            }
        } while (again);
        return buf;
    }

    private boolean include(String text, SourceLocation at) {
        int type = LineShape.includeType(text);
        if (type < 0) {
            return false;
        }
        String pattern = LineShape.includePattern(text);
        if (sources.size() > budget.limits().maxIncludeDepth()) {
            diagnostics.error(at, "Include files nested more than " + budget.limits().maxIncludeDepth()
                    + " deep - skipping '" + ConfigText.toUnicode(pattern) + "'");
            return true;
        }
        LineSource from = sources.isEmpty() ? main : sources.peek();
        GlobSource opened = includes.open(pattern, includeCheck | type, includeCheck, from, at, this);
        if (opened != null) {
            sources.push(opened);
        }
        return true;
    }

    private String currentDirectory() {
        LineSource top = sources.isEmpty() ? main : sources.peek();
        Path directory = ConfigFileOpener.realPath(top.directory());
        return ConfigText.fromUnicode(directory.toString());
    }

    @Override
    public boolean isBeingRead(Path realFile) {
        for (LineSource source : sources) {
            if (realFile.equals(source.currentFile())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void restoreIncludeCheck(int value) {
        includeCheck = value;
    }

    @Override
    public void report(SourceLocation at, Severity severity, String message) {
        diagnostics.add(new Diagnostic(severity, at, null, message));
    }

    @Override
    public void reportUncounted(SourceLocation at, String message) {
        diagnostics.notCounted(at, Severity.WARNING, message);
    }
}
