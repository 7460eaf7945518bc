package org.keepalived4j.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The pid file: refuses to start when it names a live process, whatever that process is (as
 * keepalived 2.2.7 does, which then exits 0), and is removed on a clean stop.
 */
final class PidFile implements AutoCloseable {

    /** Another daemon owns the pid file. */
    static final class AlreadyRunningException extends Exception {
        AlreadyRunningException(String message) {
            super(message);
        }
    }

    private final Path path;

    private PidFile(Path path) {
        this.path = path;
    }

    static PidFile create(Path path) throws IOException, AlreadyRunningException {
        Optional<Long> other = read(path);
        if (other.isPresent() && other.get() != ProcessHandle.current().pid()
                && ProcessHandle.of(other.get()).map(ProcessHandle::isAlive).orElse(false)) {
            throw new AlreadyRunningException("pid " + other.get() + " in " + path);
        }
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        Files.writeString(path, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        return new PidFile(path);
    }

    private static Optional<Long> read(Path path) {
        try {
            return Optional.of(Long.parseLong(Files.readString(path, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // nothing more to do on the way out
        }
    }
}
