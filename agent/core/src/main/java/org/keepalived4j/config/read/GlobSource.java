package org.keepalived4j.config.read;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.keepalived4j.config.Severity;
import org.keepalived4j.config.SourceLocation;

/**
 * The files one include pattern matched, read one after the other. Files keepalived would skip
 * (directories, executables, unreadable files) are reported and skipped; so is a file already
 * being read further up the include stack, which would otherwise include itself forever.
 */
final class GlobSource implements LineSource {

    /** What the source needs from the reader that pushed it. */
    interface Host {
        /** Whether the file with this real path is already being read. */
        boolean isBeingRead(Path realFile);

        /** A file of this include ended: the include checks revert to their value at the include. */
        void restoreIncludeCheck(int value);

        /** Reports a problem with a file. */
        void report(SourceLocation at, Severity severity, String message);

        /** Reports a missing file that keepalived -t prints without counting it (a warning). */
        void reportUncounted(SourceLocation at, String message);
    }

    private final List<String> matches;
    private final Path baseDirectory;
    private final String displayBase;
    private final int flags;
    private final int savedIncludeCheck;
    private final SourceLocation includedAt;
    private final ConfigFileOpener opener;
    private final ReadBudget budget;
    private final Host host;
    private int nextMatch;
    private ContentSource current;

    GlobSource(List<String> matches, Path baseDirectory, String displayBase, int flags, int savedIncludeCheck,
               SourceLocation includedAt, ConfigFileOpener opener, ReadBudget budget, Host host) {
        this.matches = List.copyOf(matches);
        this.baseDirectory = baseDirectory;
        this.displayBase = displayBase;
        this.flags = flags;
        this.savedIncludeCheck = savedIncludeCheck;
        this.includedAt = includedAt;
        this.opener = opener;
        this.budget = budget;
        this.host = host;
    }

    /** Opens the next readable match; false when there is none left. */
    boolean openNext() {
        while (nextMatch < matches.size()) {
            String match = matches.get(nextMatch++);
            String name = match.startsWith("/") || displayBase.isEmpty() ? match
                    : displayBase.endsWith("/") ? displayBase + match : displayBase + "/" + match;
            Path path;
            try {
                path = baseDirectory.resolve(match);
            } catch (InvalidPathException invalid) {
                host.report(includedAt, checkedSeverity(), "Configuration file '" + name
                        + "' open problem (invalid name) - skipping");
                continue;
            }
            if (!match.endsWith("/") && host.isBeingRead(ConfigFileOpener.realPath(path))) {
                host.report(includedAt, Severity.ERROR, "Configuration file '" + name
                        + "' is already being read (include loop) - skipping");
                continue;
            }
            if (!budget.includedFile()) {
                host.report(includedAt, Severity.ERROR, "More than " + budget.limits().maxIncludedFiles()
                        + " configuration files - skipping '" + name + "'");
                nextMatch = matches.size();
                return false;
            }
            ConfigFileOpener.Outcome outcome = opener.open(path, name);
            if (outcome.source() == null) {
                host.report(includedAt, outcome.checked() ? checkedSeverity() : Severity.ERROR, outcome.problem());
                continue;
            }
            current = outcome.source();
            return true;
        }
        return false;
    }

    /** keepalived reports an unusable file always, but as an error only under the "readable" check. */
    private Severity checkedSeverity() {
        return (flags & IncludeFlags.READABLE) != 0 ? Severity.FATAL : Severity.WARNING;
    }

    @Override
    public PhysicalLines.RawLine next() {
        while (current != null) {
            PhysicalLines.RawLine line = current.next();
            if (line != null) {
                return line;
            }
            current = null;
            host.restoreIncludeCheck(savedIncludeCheck);
            openNext();
        }
        return null;
    }

    @Override
    public Path directory() {
        return current != null ? current.directory() : baseDirectory;
    }

    @Override
    public String displayDirectory() {
        return current != null ? current.displayDirectory() : displayBase;
    }

    @Override
    public Path currentFile() {
        return current != null ? current.currentFile() : null;
    }
}
