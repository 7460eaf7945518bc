package org.keepalived4j.config.read;

/** Counts what one read pass has consumed against its {@link ReaderLimits}. */
final class ReadBudget {

    private final ReaderLimits limits;
    private long substitutions;
    private long generatedLines;
    private long lines;
    private int includedFiles;
    private long bytes;

    ReadBudget(ReaderLimits limits) {
        this.limits = limits;
    }

    ReaderLimits limits() {
        return limits;
    }

    /** One more substitution; false once the read has made too many. */
    boolean substitution() {
        return ++substitutions <= limits.maxSubstitutions();
    }

    /** One more line from ~SEQ/~LST or a multi-line parameter; false once there were too many. */
    boolean generatedLine() {
        return ++generatedLines <= limits.maxGeneratedLines();
    }

    /** One more logical line handed out; false once there were too many. */
    boolean line() {
        return ++lines <= limits.maxLines();
    }

    /** One more include file opened; false once there were too many. */
    boolean includedFile() {
        return ++includedFiles <= limits.maxIncludedFiles();
    }

    /** Accounts for a file of {@code size} bytes; false if it would exceed the total. */
    boolean fileBytes(long size) {
        if (bytes + size > limits.maxTotalBytes()) {
            return false;
        }
        bytes += size;
        return true;
    }
}
