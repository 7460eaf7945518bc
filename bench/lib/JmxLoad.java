import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Allocation load on a JVM through its JMX connector, the way a JMX scraper (jmx_exporter,
 * JConsole) loads it: in a loop, list every MBean, read its MBeanInfo and every readable
 * attribute. Each pass makes the target JVM build and serialize a few hundred objects per
 * attribute on its RMI threads. Runs for the given time, at most RATE passes a second (0: back
 * to back, as fast as the target answers).
 *
 * <pre>java JmxLoad HOST:PORT SECONDS RATE [DELAY]</pre>
 *
 * Connects at once, prints "jmx-load: connected", then waits DELAY seconds (default 0) before
 * the first pass and prints "jmx-load: loading": the start-up of this JVM and of the target's
 * connector stay out of the measurement if the caller wants. A progress line every minute and a summary at
 * the end, with how many bytes each live thread of the target allocated meanwhile (HotSpot's
 * per-thread allocation counters, read through the same connection), largest first.
 *
 * The Flight Recorder MBean is skipped: reading it starts JFR in the target, which is a
 * different kind of load.
 */
public final class JmxLoad {

    private static final long MINUTE = Duration.ofSeconds(60).toNanos();

    public static void main(String[] args) throws Exception {
        if (args.length != 3 && args.length != 4) {
            System.err.println("usage: java JmxLoad HOST:PORT SECONDS RATE [DELAY]");
            System.exit(2);
        }
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + args[0] + "/jmxrmi");
        long delay = args.length == 4 ? Duration.ofSeconds(Long.parseLong(args[3])).toNanos() : 0;
        long started = System.nanoTime();
        long end = started + delay + Duration.ofSeconds(Long.parseLong(args[1])).toNanos();
        double rate = Double.parseDouble(args[2]);
        long period = rate > 0 ? (long) (1e9 / rate) : 0;
        long next = started;
        long passes = 0;
        long failures = 0;
        long attributes = 0;
        long reportAt = started + MINUTE;
        Map<String, Long> allocatedAtStart = null;
        Map<String, Long> allocatedAtEnd = null;
        while (System.nanoTime() < end) {
            try (JMXConnector connector = connect(url, end)) {
                MBeanServerConnection server = connector.getMBeanServerConnection();
                if (allocatedAtStart == null) {
                    System.out.println("jmx-load: connected");
                    long wait = started + delay - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000);
                    }
                    allocatedAtStart = allocatedBytes(server);
                    started = System.nanoTime();
                    next = started;
                    reportAt = started + MINUTE;
                    System.out.println("jmx-load: loading");
                }
                while (System.nanoTime() < end) {
                    if (period > 0) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        next = Math.max(next + period, System.nanoTime() - period);
                    }
                    attributes += pass(server);
                    passes++;
                    if (System.nanoTime() >= reportAt) {
                        System.out.printf("jmx-load: %d passes (%.1f/s), %d attributes read, %d failures%n",
                                passes, passes / seconds(started), attributes, failures);
                        reportAt += MINUTE;
                    }
                }
                allocatedAtEnd = allocatedBytes(server);
            } catch (java.io.IOException e) {
                failures++;
                System.out.println("jmx-load: connection failed: " + e);
                Thread.sleep(200);
            }
        }
        double seconds = seconds(started);
        System.out.printf("jmx-load: done: %d passes in %.0f s (%.1f/s), %d attributes read, %d failures%n",
                passes, seconds, passes / seconds, attributes, failures);
        if (allocatedAtStart != null && allocatedAtEnd != null) {
            printAllocation(allocatedAtStart, allocatedAtEnd, seconds);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static JMXConnector connect(JMXServiceURL url, long end) throws Exception {
        java.io.IOException last = null;
        while (System.nanoTime() < end) {
            try {
                return JMXConnectorFactory.connect(url);
            } catch (java.io.IOException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw last != null ? last : new java.io.IOException("no time left to connect");
    }

    /** One scrape: every readable attribute of every MBean; returns how many values came back. */
    private static int pass(MBeanServerConnection server) throws java.io.IOException {
        Set<ObjectName> names = server.queryNames(null, null);
        int values = 0;
        for (ObjectName name : names) {
            if (name.getDomain().equals("jdk.management.jfr")) {
                continue;
            }
            try {
                List<String> readable = new ArrayList<>();
                for (MBeanAttributeInfo a : server.getMBeanInfo(name).getAttributes()) {
                    if (a.isReadable()) {
                        readable.add(a.getName());
                    }
                }
                values += server.getAttributes(name, readable.toArray(new String[0])).size();
            } catch (java.io.IOException e) {
                throw e;
            } catch (Exception e) {
                // an MBean that went away or refuses an attribute: skip it, as a scraper does
            }
        }
        return values;
    }

    /** Bytes allocated so far by each live thread of the target, by "name#id". */
    private static Map<String, Long> allocatedBytes(MBeanServerConnection server) throws java.io.IOException {
        com.sun.management.ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(server,
                ManagementFactory.THREAD_MXBEAN_NAME, com.sun.management.ThreadMXBean.class);
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<String, Long> out = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && bytes[i] >= 0) {
                out.put(infos[i].getThreadName() + "#" + ids[i], bytes[i]);
            }
        }
        return out;
    }

    private static void printAllocation(Map<String, Long> before, Map<String, Long> after, double seconds) {
        List<Map.Entry<String, Long>> grown = new ArrayList<>();
        for (Map.Entry<String, Long> e : after.entrySet()) {
            grown.add(Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)));
        }
        grown.sort(Comparator.comparing(Map.Entry<String, Long>::getValue).reversed());
        long total = grown.stream().mapToLong(Map.Entry::getValue).sum();
        System.out.printf("jmx-load: target threads alive at the end allocated %.1f MB/s in all%n",
                total / seconds / 1e6);
        for (Map.Entry<String, Long> e : grown) {
            if (e.getValue() > 0) {
                System.out.printf("jmx-load:   %-40s %12.3f MB/s%n", e.getKey(), e.getValue() / seconds / 1e6);
            }
        }
    }
}
