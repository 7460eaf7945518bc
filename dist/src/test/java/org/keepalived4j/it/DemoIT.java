package org.keepalived4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/keepalived4j demo} as a user runs it from the checkout: it ends by itself with
 * status 0; its timeline has the measured takeover after a kill -9, the graceful handover, the
 * preemptions and a real server's down and up detection, and lines that arrived through
 * Prometheus, JMX, SNMP traps and the alert web hook; once it has ended, none of its namespaces
 * and none of the processes it started are left. Figures are checked for presence and sanity
 * only (positive, below generous bounds): on a loaded machine they vary, and the demo waits long
 * enough for that.
 */
class DemoIT {

    private static final Duration RUN = Duration.ofMinutes(8);
    private static final String LINE = "(?m)^ *\\d+\\.\\d{3}  ";

    @Test
    void theDemoShowsItsTimelineEndsByItselfAndLeavesNothingBehind() throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("the demo creates network namespaces and must run as root");
        }
        Path home = Path.of(System.getProperty("keepalived4j.home"));
        Process demo = new ProcessBuilder(home.resolve("bin/keepalived4j").toString(), "demo")
                .directory(home.toFile()).redirectErrorStream(true).start();
        demo.getOutputStream().close();
        // bin/keepalived4j execs bin/demo, whose namespaces are named after its pid
        String tag = "k4jdemo" + demo.pid();
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> copy(demo.getInputStream(), out), "demo-output");
        reader.start();
        boolean ended = demo.waitFor(RUN.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            demo.destroy(); // SIGTERM: the demo cleans up as at Ctrl-C
            demo.waitFor(2, TimeUnit.MINUTES);
        }
        // a process left holding the demo's output open must not hold up the test
        reader.join(Duration.ofSeconds(30).toMillis());
        String output = text(out);
        System.out.println(output);
        assertThat(ended).as("the demo ended by itself within " + RUN + ":\n" + output).isTrue();
        assertThat(demo.exitValue()).as(output).isZero();

        Matcher work = Pattern.compile("work dir +(/tmp/keepalived4j-demo\\.\\w+)").matcher(output);
        assertThat(work.find()).as("the work dir in:\n" + output).isTrue();
        Path dir = Path.of(work.group(1));
        assertThat(output).as("its namespaces").contains(tag + "a", tag + "b", tag + "c");

        // the timeline, with its measured figures
        assertThat(numbers(output, "takeover in (\\d+) ms")).as(output).singleElement()
                .satisfies(ms -> assertThat(ms).isStrictlyBetween(0.0, 30_000.0));
        assertThat(numbers(output, "handover in (\\d+) ms")).as(output).singleElement()
                .satisfies(ms -> assertThat(ms).isStrictlyBetween(0.0, 30_000.0));
        assertThat(numbers(output, "had 10\\.99\\.9\\.100 back (\\d+) ms after it was started")).as(output).hasSize(2)
                .allSatisfy(ms -> assertThat(ms).isStrictlyBetween(0.0, 120_000.0));
        assertThat(numbers(output, "real server 10\\.99\\.9\\.11:8080 down, detected in ([\\d.]+) s")).as(output)
                .singleElement().satisfies(s -> assertThat(s).isStrictlyBetween(0.0, 30.0));
        assertThat(numbers(output, "real server 10\\.99\\.9\\.11:8080 up again, detected in ([\\d.]+) s")).as(output)
                .singleElement().satisfies(s -> assertThat(s).isStrictlyBetween(0.0, 30.0));
        assertThat(output).as("where the VIP is, as ip addr shows it").containsPattern(LINE + "ip +10\\.99\\.9\\.100 is on node a, not on node b")
                .containsPattern(LINE + "ip +10\\.99\\.9\\.100 is on node b");

        // each channel, as it received the events
        assertThat(output).as("Prometheus").containsPattern(LINE + "prom +node [ab]  keepalived_vrrp_state\\{.* 2\\.0  \\(MASTER\\)");
        assertThat(output).as("an SNMP trap").containsPattern(LINE + "snmp +node [ab]  vrrpInstanceStateChange DEMO MASTER");
        assertThat(output).as("an alert").containsPattern(LINE + "alert +node [ab]  \\[demo-[ab]\\] VRRP Instance DEMO - Entering MASTER state");
        assertThat(output).as("a JMX notification").containsPattern(LINE + "jmx +node b  VrrpInstance DEMO: State BACKUP -> MASTER");
        assertThat(output).as("no channel line missing").doesNotContainPattern(LINE + "note +not seen");
        assertThat(output).as("nothing failed").doesNotContain("FAILED");

        // nothing left behind: namespaces, processes it started (all name its tag or work dir)
        assertThat(Lab.run("ip", "netns", "list").lines().filter(l -> l.startsWith(tag)).toList())
                .as("namespaces left").isEmpty();
        List<String> started = Files.readAllLines(dir.resolve("pids"));
        assertThat(started).as("processes it started").hasSizeGreaterThan(8);
        List<String> left = new ArrayList<>();
        for (String line : started) {
            long pid = Long.parseLong(line.substring(0, line.indexOf(' ')));
            String cmdline = commandLine(pid);
            if (cmdline != null && (cmdline.contains(dir.toString()) || cmdline.contains(tag))) {
                left.add(line + ": " + cmdline);
            }
        }
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            proc.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+")).forEach(n -> {
                String cmdline = commandLine(Long.parseLong(n));
                if (cmdline != null && (cmdline.contains(dir.toString()) || cmdline.contains(tag))) {
                    left.add(n + ": " + cmdline);
                }
            });
        }
        assertThat(left).as("processes of the demo still running").isEmpty();
        Lab.run("rm", "-rf", dir.toString());
    }

    /** Each number the first group of {@code regex} captures in {@code text}. */
    private static List<Double> numbers(String text, String regex) {
        List<Double> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(Double.parseDouble(m.group(1)));
        }
        return found;
    }

    /** /proc/PID/cmdline with spaces between the words, or null if there is no such process. */
    private static String commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    private static void copy(InputStream in, StringBuilder out) {
        char[] buffer = new char[8192];
        try (Reader text = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (int n; (n = text.read(buffer)) > 0; ) {
                synchronized (out) {
                    out.append(buffer, 0, n);
                }
            }
        } catch (IOException closed) {
            // the demo ended
        }
    }

    private static String text(StringBuilder out) {
        synchronized (out) {
            return out.toString();
        }
    }
}
