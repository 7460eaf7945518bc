package org.keepalived4j.it;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every IPv4 address added to or deleted from the interfaces of one namespace, with the
 * kernel notification's time as {@code ip -ts monitor address} prints it (microseconds): who
 * held a VIP when, without polling races.
 */
final class AddressWatch implements AutoCloseable {

    /** One address change: {@code micros} since the epoch, interface, address without prefix. */
    record Change(long micros, String dev, String address, boolean added) {
    }

    private static final Pattern LINE = Pattern.compile(
            "^\\[(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+)] (Deleted )?\\d+: (\\S+)\\s+inet ([0-9.]+)/\\d+");
    /** Added to and removed from loopback once the monitor runs, to know it does. */
    private static final String MARKER = "127.0.0.99";

    private final String ns;
    private final List<Change> changes = new CopyOnWriteArrayList<>();
    private final LineStream stream;

    AddressWatch(String ns) {
        this.ns = ns;
        stream = new LineStream("addresses-" + ns, List.of("ip", "-n", ns, "-ts", "monitor", "address"),
                Map.of("TZ", "UTC"), line -> {
                    Change c = parse(line);
                    if (c != null) {
                        changes.add(c);
                    }
                });
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Lab.run("ip", "-n", ns, "addr", "add", MARKER + "/32", "dev", "lo");
        while (changes.stream().noneMatch(c -> c.address().equals(MARKER))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("ip monitor in " + ns + " reports nothing");
            }
            Lab.sleep(Duration.ofMillis(20));
        }
        Lab.run("ip", "-n", ns, "addr", "del", MARKER + "/32", "dev", "lo");
    }

    /** A line of {@code ip -ts monitor address} (run with TZ=UTC), or null if it is not an IPv4 change. */
    static Change parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.find()) {
            return null;
        }
        LocalDateTime t = LocalDateTime.parse(m.group(1));
        long micros = t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1_000;
        return new Change(micros, m.group(3), m.group(4), m.group(2) == null);
    }

    /** The changes of {@code address} so far, oldest first. */
    List<Change> changes(String address) {
        return changes.stream().filter(c -> c.address().equals(address)).toList();
    }

    String namespace() {
        return ns;
    }

    @Override
    public void close() {
        stream.close();
    }
}
