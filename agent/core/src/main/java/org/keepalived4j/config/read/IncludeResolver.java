package org.keepalived4j.config.read;

import org.keepalived4j.config.Severity;
import org.keepalived4j.config.SourceLocation;

/**
 * Handles an {@code include} line: expands its pattern relative to the including file's
 * directory and reports what keepalived 2.2.7 reports. With plain {@code include} the reports
 * are warnings; under an include check (see {@link IncludeFlags}) they are FATAL, because
 * keepalived then refuses to start.
 *
 * <ul>
 *   <li>nothing matched and a name was missing: "Config files missing 'PATTERN'."</li>
 *   <li>a wildcard matched nothing: only under the wildcard check, "No config files matched".</li>
 *   <li>some brace alternatives matched and some did not: "Some config files missing".</li>
 * </ul>
 */
final class IncludeResolver {

    private final ReadBudget budget;
    private final ConfigFileOpener opener;

    IncludeResolver(ReadBudget budget, ConfigFileOpener opener) {
        this.budget = budget;
        this.opener = opener;
    }

    /**
     * Expands {@code pattern} (byte-per-char) and opens the first usable match.
     *
     * @param checks the include checks for this include (include_check plus the variant's)
     * @param savedIncludeCheck the include_check value to restore when each file ends
     * @param from the source holding the include line (its directory is the base)
     * @return the source to read next, or null if there is nothing to read
     */
    GlobSource open(String pattern, int checks, int savedIncludeCheck, LineSource from, SourceLocation at,
                    GlobSource.Host host) {
        String text = ConfigText.toUnicode(pattern);
        FileGlob.Result result = FileGlob.expand(text, from.directory(), budget.limits());
        if (result.tooLarge()) {
            host.report(at, Severity.ERROR, "Include pattern '" + text + "' expands to too many files - skipping");
            return null;
        }
        boolean missing = result.missingFiles() > 0 || result.missingDirectories() > 0;
        if (result.matches().isEmpty()) {
            if (missing) {
                int check = hasBrace(text) ? IncludeFlags.BRACE_MATCH : IncludeFlags.MATCH;
                if ((checks & check) != 0) {
                    host.report(at, Severity.FATAL, "Config files missing '" + text + "'.");
                } else {
                    host.reportUncounted(at, "Config files missing '" + text + "'.");
                }
            } else if (result.usedWildcards() && (checks & IncludeFlags.WILDCARD_MATCH) != 0) {
                host.report(at, Severity.FATAL, "No config files matched '" + text + "'.");
            }
            return null;
        }
        if (missing) {
            host.report(at, severity(checks, IncludeFlags.BRACE_MATCH), "Some config files missing: \"" + text + "\".");
            if ((checks & IncludeFlags.BRACE_MATCH) != 0) {
                return null;
            }
        }
        GlobSource source = new GlobSource(result.matches(), from.directory(), from.displayDirectory(), checks,
                savedIncludeCheck, at, opener, budget, host);
        return source.openNext() ? source : null;
    }

    private static Severity severity(int checks, int check) {
        return (checks & check) != 0 ? Severity.FATAL : Severity.WARNING;
    }

    /** Whether the pattern has an unescaped '{'. */
    private static boolean hasBrace(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                return true;
            }
        }
        return false;
    }
}
