package org.keepalived4j.exporter.alerts.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.keepalived4j.exporter.alerts.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sink's undelivered alerts on disk: append-only segment files of records (length, CRC-32C,
 * sequence number, {@link AlertCodec} bytes), each append written and fsync'd before it returns,
 * and a file holding the sequence number of the first alert not yet delivered, replaced
 * atomically on each acknowledgement. Opening the folder again (after a crash or a restart)
 * gives back every alert appended and not acknowledged, in order; a record torn by a crash in
 * mid-write is cut off, as it was never acknowledged to the caller either.
 *
 * <p>Bounded: when the segments exceed {@code maxBytes}, the oldest segment goes, and alerts
 * older than {@code maxAge} are dropped when they reach the head; every alert dropped this way
 * is counted and logged. Segments whose alerts were all delivered are deleted.
 *
 * <p>Thread-safe: the daemon's event thread appends, the sink's thread reads and acknowledges.
 */
public final class Spool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
    private static final String SUFFIX = ".spool";
    private static final String NEXT = "next";
    private static final int HEADER = 4 + 4 + 8;
    private static final int MAX_RECORD = 1 << 20;

    /** An alert waiting in the spool. */
    public record Entry(long sequence, Alert alert, int bytes) {
    }

    private record Segment(Path path, long first) {
    }

    private final Path dir;
    private final long maxBytes;
    private final long segmentBytes;
    private final Duration maxAge;
    private final Clock clock;
    private final String name;
    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    private final ArrayDeque<Entry> pending = new ArrayDeque<>();
    private FileChannel tail;
    private long tailBytes;
    private long totalBytes;
    private long nextSequence;
    private long dropped;

    private Spool(Path dir, long maxBytes, Duration maxAge, Clock clock) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.segmentBytes = Math.max(64 * 1024, maxBytes / 8);
        this.maxAge = maxAge;
        this.clock = clock;
        this.name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
    }

    /**
     * Opens (creating it when absent) the spool in {@code dir}, reading back what was not
     * delivered. {@code maxBytes}: the bound of its segments; {@code maxAge}: how long an alert
     * may wait.
     */
    public static Spool open(Path dir, long maxBytes, Duration maxAge, Clock clock) throws IOException {
        Files.createDirectories(dir);
        Spool spool = new Spool(dir, maxBytes, maxAge, clock);
        spool.recover();
        return spool;
    }

    private void recover() throws IOException {
        long first = readNext();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        nextSequence = first;
        for (Path file : files) {
            long start;
            try {
                start = Long.parseLong(file.getFileName().toString().replace(SUFFIX, ""));
            } catch (NumberFormatException e) {
                LOG.warn("alert spool {}: ignoring {}, not a segment", name, file);
                continue;
            }
            segments.put(start, new Segment(file, start));
            long end = readSegment(file, first);
            totalBytes += Files.size(file);
            nextSequence = Math.max(nextSequence, end);
        }
        if (!pending.isEmpty()) {
            LOG.info("alert spool {}: {} undelivered alert(s) from before", name, pending.size());
        }
        deleteDelivered();
        if (!segments.isEmpty()) {
            Segment last = segments.lastEntry().getValue();
            tail = FileChannel.open(last.path(), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            tailBytes = tail.size();
        }
    }

    /** Reads one segment's records, keeping those from {@code first} on; returns the sequence after its last. */
    private long readSegment(Path file, long first) throws IOException {
        long end = 0;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long position = 0;
            long size = in.size();
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            while (position < size) {
                header.clear();
                if (in.read(header, position) < HEADER) {
                    break;
                }
                header.flip();
                int length = header.getInt();
                int crc = header.getInt();
                long sequence = header.getLong();
                if (length <= 0 || length > MAX_RECORD || position + HEADER + length > size) {
                    break;
                }
                ByteBuffer body = ByteBuffer.allocate(length);
                in.read(body, position + HEADER);
                byte[] bytes = body.array();
                if (crc != crc(sequence, bytes)) {
                    break;
                }
                Alert alert;
                try {
                    alert = AlertCodec.decode(bytes);
                } catch (IOException e) {
                    LOG.warn("alert spool {}: an unreadable alert in {} dropped: {}", name, file, e.getMessage());
                    dropped++;
                    position += HEADER + length;
                    continue;
                }
                if (sequence >= first) {
                    pending.add(new Entry(sequence, alert, HEADER + length));
                }
                end = sequence + 1;
                position += HEADER + length;
            }
            if (position < size) {
                LOG.warn("alert spool {}: {} cut at byte {} of {} (a write torn by a crash)", name, file, position,
                        size);
                in.truncate(position);
                in.force(true);
            }
        }
        return end;
    }

    /** Writes the alert to disk (fsync'd) and queues it; returns its sequence number. */
    public synchronized long append(Alert alert) throws IOException {
        byte[] bytes = AlertCodec.encode(alert);
        if (bytes.length > MAX_RECORD) {
            throw new IOException("alert of " + bytes.length + " bytes is too large for the spool");
        }
        if (tail == null || tailBytes >= segmentBytes) {
            roll();
        }
        long sequence = nextSequence;
        ByteBuffer record = ByteBuffer.allocate(HEADER + bytes.length);
        record.putInt(bytes.length).putInt(crc(sequence, bytes)).putLong(sequence).put(bytes).flip();
        try {
            while (record.hasRemaining()) {
                tail.write(record);
            }
            tail.force(false);
        } catch (IOException e) {
            // a full disk: what was half written goes, so that the next record is not written after a torn one
            try {
                tail.truncate(tailBytes);
            } catch (IOException cannot) {
                // the next record goes to a segment of its own: the torn one stays the last of this one,
                // where reading cuts it
                close(tail);
                tail = null;
                nextSequence++;
            }
            throw e;
        }
        nextSequence++;
        tailBytes += HEADER + bytes.length;
        totalBytes += HEADER + bytes.length;
        pending.add(new Entry(sequence, alert, HEADER + bytes.length));
        enforceSize();
        notifyAll();
        return sequence;
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // going away either way
        }
    }

    private void roll() throws IOException {
        if (tail != null) {
            tail.close();
        }
        Path file = dir.resolve(String.format("%020d%s", nextSequence, SUFFIX));
        tail = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        tailBytes = tail.size();
        segments.put(nextSequence, new Segment(file, nextSequence));
        syncDirectory();
    }

    private void enforceSize() throws IOException {
        while (totalBytes > maxBytes && segments.size() > 1) {
            Map.Entry<Long, Segment> oldest = segments.firstEntry();
            long nextFirst = segments.higherKey(oldest.getKey());
            int lost = 0;
            while (!pending.isEmpty() && pending.peekFirst().sequence() < nextFirst) {
                pending.pollFirst();
                lost++;
            }
            if (lost > 0) {
                dropped += lost;
                LOG.warn("alert spool {}: over its {} bytes, {} undelivered alert(s) dropped, the oldest first",
                        name, maxBytes, lost);
                writeNext(nextFirst);
            }
            deleteSegment(oldest.getValue());
        }
    }

    /**
     * The oldest undelivered alert, waiting up to {@code wait} for one; {@code null} when there is
     * none. Alerts older than the spool's age bound are dropped (counted, logged) on the way.
     */
    public synchronized Entry head(Duration wait) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Entry head = pending.peekFirst();
            if (head != null && expired(head)) {
                int lost = 0;
                while (pending.peekFirst() != null && expired(pending.peekFirst())) {
                    head = pending.pollFirst();
                    lost++;
                }
                dropped += lost;
                LOG.warn("alert spool {}: {} alert(s) older than {} dropped undelivered", name, lost, maxAge);
                acknowledge(head.sequence());
                continue;
            }
            if (head != null) {
                return head;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    private boolean expired(Entry e) {
        return Duration.between(e.alert().time(), clock.instant()).compareTo(maxAge) > 0;
    }

    /** Marks every alert up to {@code sequence} delivered: durable before this returns. */
    public synchronized void acknowledge(long sequence) throws IOException {
        while (!pending.isEmpty() && pending.peekFirst().sequence() <= sequence) {
            pending.pollFirst();
        }
        writeNext(sequence + 1);
        deleteDelivered();
    }

    private void deleteDelivered() throws IOException {
        long firstPending = pending.isEmpty() ? nextSequence : pending.peekFirst().sequence();
        while (segments.size() > 1) {
            Map.Entry<Long, Segment> oldest = segments.firstEntry();
            Long nextFirst = segments.higherKey(oldest.getKey());
            if (nextFirst > firstPending) {
                break;
            }
            deleteSegment(oldest.getValue());
        }
    }

    private void deleteSegment(Segment segment) throws IOException {
        totalBytes -= Files.size(segment.path());
        Files.deleteIfExists(segment.path());
        segments.remove(segment.first());
    }

    private long readNext() throws IOException {
        Path file = dir.resolve(NEXT);
        if (!Files.exists(file)) {
            return 0;
        }
        String text = Files.readString(file).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException("alert spool " + file + " holds '" + text + "', not a sequence number");
        }
    }

    private void writeNext(long sequence) throws IOException {
        Path file = dir.resolve(NEXT);
        Path tmp = dir.resolve(NEXT + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap((sequence + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            out.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory();
    }

    private void syncDirectory() throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    private static int crc(long sequence, byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(8).putLong(0, sequence));
        crc.update(bytes);
        return (int) crc.getValue();
    }

    /** How many alerts wait. */
    public synchronized int queued() {
        return pending.size();
    }

    /** The bytes of the spool's segments on disk. */
    public synchronized long bytes() {
        return totalBytes;
    }

    /** When the oldest waiting alert happened, or {@code null} when none waits. */
    public synchronized Instant oldest() {
        Entry head = pending.peekFirst();
        return head == null ? null : head.alert().time();
    }

    /** Alerts dropped undelivered (over the size or age bound, or unreadable) since the spool opened. */
    public synchronized long dropped() {
        return dropped;
    }

    /** The waiting alerts, oldest first (for tests and status). */
    public synchronized List<Entry> pending() {
        return new ArrayList<>(pending);
    }

    /** Wakes a caller waiting in {@link #head}. */
    public synchronized void wakeUp() {
        notifyAll();
    }

    @Override
    public synchronized void close() {
        if (tail != null) {
            try {
                tail.close();
            } catch (IOException e) {
                LOG.debug("alert spool {}: closing: {}", name, e.toString());
            }
            tail = null;
        }
        notifyAll();
    }
}
