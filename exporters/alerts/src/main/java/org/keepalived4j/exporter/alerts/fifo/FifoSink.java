package org.keepalived4j.exporter.alerts.fifo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.keepalived4j.exporter.alerts.Alert;
import org.keepalived4j.exporter.alerts.AlertSink;
import org.keepalived4j.exporter.alerts.linux.Libc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One notify FIFO: each alert it accepts becomes keepalived's line ({@link FifoLines}), written
 * whole in one write (a line is shorter than PIPE_BUF, so readers never see lines interleave).
 * The FIFO is opened write-only and non-blocking and kept open while a reader reads it, so a
 * reader looping on {@code read} sees end-of-file only when the sink closes. Where keepalived
 * would drop a line this throws, and the spool retries it: no reader (ENXIO on open), a reader
 * gone (EPIPE; the JVM ignores SIGPIPE), a full pipe (EAGAIN); deliver() never blocks.
 */
final class FifoSink implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger(FifoSink.class);
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;

    private final String name;
    private final Path path;
    private final Predicate<Alert> wanted;
    private final boolean created;
    private final FifoScript script;
    private final Object lock = new Object();
    private int fd = -1;
    private boolean closed;

    FifoSink(String name, Path path, Predicate<Alert> wanted, boolean created, FifoScript script) {
        this.name = name;
        this.path = path;
        this.wanted = wanted;
        this.created = created;
        this.script = script;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean accepts(Alert alert) {
        return wanted.test(alert);
    }

    @Override
    public void deliver(Alert alert) throws IOException {
        byte[] line = FifoLines.line(alert).getBytes(StandardCharsets.UTF_8);
        synchronized (lock) {
            if (closed) {
                throw new IOException(name + " is closed");
            }
            if (fd < 0) {
                fd = open();
            }
            long written = Libc.write(fd, line, line.length);
            if (written == line.length) {
                return;
            }
            int errno = written < 0 ? Libc.errno() : 0;
            if (written >= 0 || errno != Libc.EAGAIN) {
                // a reader gone (EPIPE) leaves this descriptor useless; the next attempt opens anew
                closeDescriptor();
            }
            if (written >= 0) {
                throw new IOException(path + ": only " + written + " of " + line.length + " bytes written");
            }
            throw switch (errno) {
                case Libc.EPIPE -> new IOException(path + ": the reader closed the FIFO");
                case Libc.EAGAIN -> new IOException(path + ": the FIFO is full, its reader is not reading");
                default -> Libc.failure("write(" + path + ")", errno);
            };
        }
    }

    /** Opens the FIFO for writing, refusing anything that is not a FIFO; ENXIO while nobody reads it. */
    private int open() throws IOException {
        int d = Libc.open(path.toString(), Libc.O_WRONLY | Libc.O_NONBLOCK | Libc.O_CLOEXEC);
        if (d < 0) {
            int errno = Libc.errno();
            if (errno == Libc.ENXIO) {
                throw new IOException(path + ": no process reads the FIFO");
            }
            if (errno == Libc.ENOENT && created) {
                Fifos.create(path);
            }
            throw Libc.failure("open(" + path + ")", errno);
        }
        try {
            // what was opened, not what the path names now
            Object mode = Files.getAttribute(Path.of("/proc/self/fd/" + d), "unix:mode");
            if (!(mode instanceof Integer m) || (m & S_IFMT) != S_IFIFO) {
                throw new IOException(path + " is not a FIFO");
            }
        } catch (IOException | RuntimeException e) {
            Libc.close(d);
            throw e instanceof IOException io ? io : new IOException(path + ": " + e, e);
        }
        return d;
    }

    private void closeDescriptor() {
        if (fd >= 0) {
            Libc.close(fd);
            fd = -1;
        }
    }

    /**
     * Stops as keepalived does: SIGTERM to the reader script's group, the FIFO removed if this
     * sink made it (before closing, so that a reader reopening it in a loop cannot), then closed.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (script != null) {
            script.signalTerm();
        }
        if (created) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.warn("{}: removing {}: {}", name, path, e.toString());
            }
        }
        synchronized (lock) {
            closeDescriptor();
        }
        if (script != null) {
            script.close();
        }
    }

    @Override
    public String toString() {
        return name + " " + path + (script == null ? "" : ", reader " + script);
    }
}
