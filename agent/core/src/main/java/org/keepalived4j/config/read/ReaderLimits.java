package org.keepalived4j.config.read;

/**
 * Bounds that keep a hostile or broken configuration from hanging the reader or exhausting
 * memory. keepalived itself has some of them only by accident (a 1023-byte line buffer, the
 * open file limit) and loops forever on others (a parameter defined as itself). Each bound that
 * is hit becomes an ERROR diagnostic and the offending construct is cut short.
 *
 * @param maxLineLength the longest logical line in bytes (keepalived's buffer less its NUL)
 * @param maxIncludeDepth how deeply include files may nest
 * @param maxIncludedFiles how many include files one read may open
 * @param maxFileBytes the largest single configuration file
 * @param maxTotalBytes all configuration files of one read together
 * @param maxBraceAlternatives how many patterns one include's brace expression may expand to
 * @param maxDirectoryEntries how many directory entries one include pattern may scan
 * @param maxSubstitutionsPerLine parameter substitutions on one line
 * @param maxSubstitutions parameter substitutions in one read
 * @param maxGeneratedLines lines produced by ~SEQ, ~LST and multi-line parameters in one read
 * @param maxLines logical lines in one read
 * @param maxDefinitionBytes the longest value of one multi-line parameter
 * @param maxBlockDepth how deeply {@code { }} blocks may nest
 * @param maxMultilineDepth how deeply expansions of multi-line parameters may nest
 */
record ReaderLimits(
        int maxLineLength,
        int maxIncludeDepth,
        int maxIncludedFiles,
        long maxFileBytes,
        long maxTotalBytes,
        int maxBraceAlternatives,
        int maxDirectoryEntries,
        int maxSubstitutionsPerLine,
        long maxSubstitutions,
        long maxGeneratedLines,
        long maxLines,
        int maxDefinitionBytes,
        int maxBlockDepth,
        int maxMultilineDepth) {

    static final ReaderLimits DEFAULT = new ReaderLimits(
            1023, 64, 1000, 16L << 20, 64L << 20, 1024, 100_000,
            4096, 1_000_000, 100_000, 500_000, 1 << 20, 128, 64);
}
