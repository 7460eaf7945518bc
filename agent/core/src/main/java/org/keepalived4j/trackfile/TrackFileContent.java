package org.keepalived4j.trackfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.keepalived4j.config.TrackFileConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a track file holds, read as keepalived reads it, and its {@code init_file} value. */
public final class TrackFileContent {

    private static final Logger LOG = LoggerFactory.getLogger(TrackFileContent.class);

    private TrackFileContent() {
    }

    /**
     * The number the file starts with (after white space, optionally negative); 0 for a missing
     * or unreadable file, or one that does not start with a number.
     */
    public static long read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            int end = 0;
            while (end < text.length() && (Character.isDigit(text.charAt(end)) || end == 0 && text.charAt(0) == '-')) {
                end++;
            }
            return end == 0 || text.substring(0, end).equals("-") ? 0 : Long.parseLong(text.substring(0, end));
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** Writes {@code init_file}'s value when one is set and the file is missing or {@code overwrite} asks. */
    public static void initialise(TrackFileConfig config) {
        if (config.initValue() == null) {
            return;
        }
        Path file = Path.of(config.path());
        try {
            if (config.initOverwrite() || !Files.exists(file)) {
                Files.writeString(file, config.initValue() + "\n", StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            LOG.warn("track_file {}: cannot initialise {}: {}", config.name(), file, e.getMessage());
        }
    }
}
