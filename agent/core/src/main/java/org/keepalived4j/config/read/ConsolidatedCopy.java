package org.keepalived4j.config.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.config.SourceLocation;

/**
 * keepalived 2.2.7 reads its configuration twice. The parent process reads the files (following
 * includes) and writes every physical line, comments stripped, into one consolidated copy,
 * with include lines left blank; the VRRP and checker processes then read that copy, stripping
 * comments a second time. What the copy holds is therefore what configures VRRP and the
 * checkers, and it differs from the files where comment stripping is not idempotent:
 * {@code \#} and {@code \!} outside quotes first become {@code #}/{@code !} and then start a
 * comment, and a comment line inside a multi-line {@code $NAME=} definition becomes a blank
 * line that ends the definition. Includes made by parameter substitution or conditional lines
 * are not blank in the copy, so the second reading includes those files again.
 *
 * <p>This class is that copy: one entry per physical line read in the first pass.
 */
final class ConsolidatedCopy {

    /** One line of the copy, with where it came from. */
    record Line(String text, SourceLocation location, Path directory, String displayDirectory, Path realFile) {
    }

    private final List<Line> lines = new ArrayList<>();

    void add(String text, SourceLocation location, LineSource from) {
        lines.add(new Line(text, location, from.directory(), from.displayDirectory(), from.currentFile()));
    }

    /** A source reading the copy from the start, as keepalived's second reading does. */
    LineSource reader(Path mainDirectory, String mainDisplayDirectory) {
        return new LineSource() {
            private int next;
            private Path directory = mainDirectory;
            private String displayDirectory = mainDisplayDirectory;
            private Path realFile;

            @Override
            public PhysicalLines.RawLine next() {
                if (next >= lines.size()) {
                    return null;
                }
                Line line = lines.get(next++);
                directory = line.directory();
                displayDirectory = line.displayDirectory();
                realFile = line.realFile();
                return new PhysicalLines.RawLine(line.text(), line.location());
            }

            @Override
            public Path directory() {
                return directory;
            }

            @Override
            public String displayDirectory() {
                return displayDirectory;
            }

            @Override
            public Path currentFile() {
                return realFile;
            }
        };
    }
}
