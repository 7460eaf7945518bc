package org.keepalived4j.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Network namespaces joined by veth pairs or through a bridge, for one test or benchmark:
 * created with iproute2, deleted on close. Needs root; a test that cannot get it fails rather
 * than skipping. Free of test frameworks, so that bench mains can use it too.
 */
final class Lab implements AutoCloseable {

    private final String prefix;
    private final List<String> namespaces = new ArrayList<>();
    private int links;

    Lab(String name) {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("these tests create network namespaces and must run as root");
        }
        this.prefix = name + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
    }

    /** Creates a namespace with loopback up; returns its name. */
    String namespace(String suffix) {
        String ns = prefix + suffix;
        run("ip", "netns", "add", ns);
        namespaces.add(ns);
        run("ip", "-n", ns, "link", "set", "lo", "up");
        return ns;
    }

    /** Joins two namespaces with a veth pair named {@code ifA} / {@code ifB}, up, addressed (a null address: none). */
    void link(String nsA, String ifA, String addrA, String nsB, String ifB, String addrB) {
        String tag = interfaceTag();
        String tmpA = tag + "a";
        String tmpB = tag + "b";
        run("ip", "link", "add", tmpA, "type", "veth", "peer", "name", tmpB);
        run("ip", "link", "set", tmpA, "netns", nsA);
        run("ip", "link", "set", tmpB, "netns", nsB);
        run("ip", "-n", nsA, "link", "set", tmpA, "name", ifA);
        run("ip", "-n", nsB, "link", "set", tmpB, "name", ifB);
        run("ip", "-n", nsA, "addr", "add", addrA, "dev", ifA);
        if (addrB != null) {
            run("ip", "-n", nsB, "addr", "add", addrB, "dev", ifB);
        }
        run("ip", "-n", nsA, "link", "set", ifA, "up");
        run("ip", "-n", nsB, "link", "set", ifB, "up");
    }

    /**
     * Joins {@code ns} to this host's own namespace with a veth pair, for a server a test runs in
     * its own JVM (a mail server, a web hook): {@code hostIf} with {@code hostAddr} on the host,
     * {@code nsIf} with {@code nsAddr} in {@code ns}. The pair goes when the namespace does.
     */
    void linkToHost(String hostIf, String hostAddr, String ns, String nsIf, String nsAddr) {
        String tmp = interfaceTag();
        run("ip", "link", "add", hostIf, "type", "veth", "peer", "name", tmp);
        run("ip", "link", "set", tmp, "netns", ns);
        run("ip", "-n", ns, "link", "set", tmp, "name", nsIf);
        run("ip", "addr", "add", hostAddr, "dev", hostIf);
        run("ip", "-n", ns, "addr", "add", nsAddr, "dev", nsIf);
        run("ip", "link", "set", hostIf, "up");
        run("ip", "-n", ns, "link", "set", nsIf, "up");
    }

    /**
     * A temporary interface name unique on the host: interface names have at most 15
     * characters, so a short random tag and a count rather than the namespace prefix.
     */
    private String interfaceTag() {
        return "k4j" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff)) + links++;
    }

    /** Creates a bridge named {@code name} in {@code ns}, up. */
    void bridge(String ns, String name) {
        run("ip", "-n", ns, "link", "add", name, "type", "bridge");
        run("ip", "-n", ns, "link", "set", name, "up");
    }

    /**
     * Joins {@code ns} to {@code bridge} in {@code bridgeNs}: a veth pair with {@code ifName}
     * (addressed, up) in {@code ns} and {@code port} enslaved to the bridge. Taking
     * {@code ifName} down then cuts that node alone off the others on the bridge.
     */
    void attach(String ns, String ifName, String address, String bridgeNs, String bridge, String port) {
        link(ns, ifName, address, bridgeNs, port, null);
        run("ip", "-n", bridgeNs, "link", "set", port, "master", bridge);
    }

    /** Whether {@code address} (without prefix) is configured on {@code dev} in {@code ns}. */
    boolean hasAddress(String ns, String dev, String address) {
        return lists(addresses(ns, dev), address);
    }

    /** {@code ip -o addr show dev DEV} in {@code ns}: one look at every address of the interface. */
    static String addresses(String ns, String dev) {
        return run("ip", "-n", ns, "-o", "addr", "show", "dev", dev);
    }

    /** Whether {@code address} (without prefix) is in an {@link #addresses} listing. */
    static boolean lists(String addresses, String address) {
        return addresses.contains(" " + address + "/");
    }

    /** The ifIndex of {@code dev} in {@code ns} ({@code ip -o link show}: "5: eth0@if4: ..."). */
    static int ifIndex(String ns, String dev) {
        String line = run("ip", "-n", ns, "-o", "link", "show", "dev", dev);
        return Integer.parseInt(line.substring(0, line.indexOf(':')).strip());
    }

    /** Packets the raw sockets in {@code ns} dropped so far because their receive buffer was full. */
    static long rawSocketDrops(String ns) {
        return run("ip", "netns", "exec", ns, "cat", "/proc/net/raw").lines().skip(1)
                .mapToLong(l -> Long.parseLong(l.trim().split("\\s+")[12])).sum();
    }

    static String run(String... command) {
        return run(Duration.ofSeconds(30), command);
    }

    /** Runs a command to its end (at most {@code timeout}); its output, or an exception if it failed. */
    static String run(Duration timeout, String... command) {
        Finished f = attempt(timeout, List.of(command));
        if (f.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + f.output());
        }
        return f.output();
    }

    /** How a command ended: its exit code and what it printed, stdout and stderr together. */
    record Finished(int exitCode, String output) {
    }

    /** Runs a command to its end (at most {@code timeout}), whatever its exit code. */
    static Finished attempt(Duration timeout, List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " timed out");
            }
            return new Finished(p.exitValue(), out);
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The Prometheus endpoint of the keepalived4j daemon in {@code ns} (its default port, 9165). */
    static String scrape(String ns) {
        return run("ip", "netns", "exec", ns, "curl", "-sf", "--max-time", "10", "http://127.0.0.1:9165/metrics");
    }

    /** Scrapes {@code ns} until the metrics satisfy {@code condition}; fails after {@code timeout}. */
    static String awaitScrape(String ns, Predicate<String> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                last = scrape(ns);
                if (condition.test(last)) {
                    return last;
                }
            } catch (IllegalStateException notYetListening) {
                last = notYetListening.getMessage();
            }
            sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("metrics never matched within " + timeout + ":\n" + last);
    }

    /** Polls {@code condition} until it holds; after {@code timeout} fails, saying {@code failure}'s text. */
    static void await(BooleanSupplier condition, Duration timeout, Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout + ": " + failure.get());
            }
            sleep(Duration.ofMillis(100));
        }
    }

    /**
     * Stops a process this test started: SIGTERM (a daemon's graceful stop), then SIGKILL if it
     * is still there after 10 s; returns once it has exited.
     */
    static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        for (String ns : namespaces) {
            try {
                new ProcessBuilder("ip", "netns", "pids", ns).start().waitFor();
                run("ip", "netns", "del", ns);
            } catch (RuntimeException | IOException e) {
                System.err.println("could not delete namespace " + ns + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
