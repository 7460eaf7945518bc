package org.keepalived4j.config.read;

import org.keepalived4j.config.SourceLocation;

/**
 * The physical lines of one file's content as keepalived reads them with {@code fgets} into a
 * 1024-byte buffer: a line longer than 1023 bytes arrives in several pieces, each of which is
 * then handled as a line of its own; trailing CR/LF are removed and text after a NUL byte is
 * ignored. Every piece carries the number of the physical line it belongs to.
 */
final class PhysicalLines {

    /** One piece of a physical line. */
    record RawLine(String text, SourceLocation location) {
    }

    private final String content;
    private final String name;
    private final int chunk;
    private int position;
    private int lineNumber;

    /**
     * @param content the file's bytes, one char per byte
     * @param name the file name for locations
     * @param maxLineLength how many bytes one read takes at most
     */
    PhysicalLines(String content, String name, int maxLineLength) {
        this.content = content;
        this.name = name;
        this.chunk = maxLineLength;
    }

    /** The next piece, or null at the end of the content. */
    RawLine next() {
        if (position >= content.length()) {
            return null;
        }
        int nl = content.indexOf('\n', position);
        int end = nl < 0 ? content.length() : nl + 1;
        if (end - position > chunk) {
            end = position + chunk;
        }
        String piece = content.substring(position, end);
        position = end;
        boolean endsLine = piece.endsWith("\n");
        SourceLocation at = new SourceLocation(name, lineNumber + 1);
        if (endsLine) {
            lineNumber++;
        }
        int nul = piece.indexOf('\0');
        int len = nul >= 0 ? nul : piece.length();
        while (len > 0 && (piece.charAt(len - 1) == '\n' || piece.charAt(len - 1) == '\r')) {
            len--;
        }
        return new RawLine(piece.substring(0, len), at);
    }
}
