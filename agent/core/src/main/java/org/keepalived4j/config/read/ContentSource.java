package org.keepalived4j.config.read;

import java.nio.file.Path;

/** The lines of one file (or of text handed to the reader) already held in memory. */
final class ContentSource implements LineSource {

    private final PhysicalLines lines;
    private final Path directory;
    private final String displayDirectory;
    private final Path realFile;

    /**
     * @param realFile the file's real path, or null for text that is not a file
     */
    ContentSource(PhysicalLines lines, Path directory, String displayDirectory, Path realFile) {
        this.lines = lines;
        this.directory = directory;
        this.displayDirectory = displayDirectory;
        this.realFile = realFile;
    }

    @Override
    public PhysicalLines.RawLine next() {
        return lines.next();
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
}
