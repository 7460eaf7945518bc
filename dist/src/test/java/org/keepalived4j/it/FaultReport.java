package org.keepalived4j.it;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one fault run injected, measured and found, printed as a summary that stands on its own
 * in notes. Violations are what the suite asserts to be empty; everything else is figures.
 */
final class FaultReport {

    /** A named stretch of the run (one fault and its recovery), for placing timeline windows. */
    record Phase(String name, long from) {
    }

    private final String title;
    private final Map<String, Integer> faults = new LinkedHashMap<>();
    private final Map<String, List<Long>> takeovers = new LinkedHashMap<>();
    private final Map<String, List<Long>> overheads = new LinkedHashMap<>();
    private final Map<String, List<Long>> convergence = new LinkedHashMap<>();
    private final List<String> accounting = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final List<Phase> phases = new ArrayList<>();
    private final List<Timeline.Window> windows = new ArrayList<>();
    private final Map<String, Long> socketDrops = new LinkedHashMap<>();
    private String loadAtStart = load();

    FaultReport(String title) {
        this.title = title;
    }

    void phase(String name) {
        phases.add(new Phase(name, Timeline.now()));
    }

    /** Datagrams {@code node}'s raw sockets dropped in the current phase. */
    void socketDrops(String node, long drops) {
        if (drops > 0) {
            socketDrops.merge(currentPhase() + "|" + node, drops, Long::sum);
        }
    }

    /** Datagrams {@code node}'s raw sockets dropped in {@code phase} (0 if none or not known). */
    long socketDrops(String phase, String node) {
        return socketDrops.getOrDefault(phase + "|" + node, 0L);
    }

    void fault(String kind) {
        faults.merge(kind, 1, Integer::sum);
    }

    void takeover(String fault, long micros, Long overheadMicros) {
        takeovers.computeIfAbsent(fault, k -> new ArrayList<>()).add(micros);
        if (overheadMicros != null) {
            overheads.computeIfAbsent(fault, k -> new ArrayList<>()).add(overheadMicros);
        }
    }

    void converged(String fault, long micros) {
        convergence.computeIfAbsent(fault, k -> new ArrayList<>()).add(micros);
    }

    void accounting(String line) {
        accounting.add(line);
    }

    void note(String line) {
        notes.add("[" + currentPhase() + "] " + line);
    }

    void violation(String line) {
        violations.add("[" + currentPhase() + "] " + line);
    }

    void windows(List<Timeline.Window> found) {
        windows.addAll(found);
    }

    /** Puts {@code better} (the same window with its cause found) in place of {@code window}. */
    void replace(Timeline.Window window, Timeline.Window better) {
        windows.set(windows.indexOf(window), better);
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    List<Timeline.Window> windows() {
        return List.copyOf(windows);
    }

    private String currentPhase() {
        return phases.isEmpty() ? "setup" : phases.get(phases.size() - 1).name();
    }

    /** The phase that was running at {@code micros}. */
    String phaseAt(long micros) {
        String name = "setup";
        for (Phase p : phases) {
            if (p.from() <= micros) {
                name = p.name();
            }
        }
        return name;
    }

    void print(PrintStream out) {
        out.println("== " + title + " ==");
        out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average at start "
                + loadAtStart + ", at end " + load());
        out.println("faults injected: " + faults.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", ")));
        out.println("takeover after the fault (VIP added on the new master; s)   n   median     max"
                + "   overhead past Master_Down_Interval median / max");
        takeovers.forEach((k, v) -> out.printf("  %-58s %3d %8.3f %8.3f   %s%n", k, v.size(), median(v) / 1e6,
                max(v) / 1e6, overheads.containsKey(k) ? String.format("%+.3f / %+.3f", median(overheads.get(k)) / 1e6,
                        max(overheads.get(k)) / 1e6) : "-"));
        out.println("converged (exactly one live holder per VIP, reported MASTER; s after the fault)   n   median     max");
        convergence.forEach((k, v) -> out.printf("  %-72s %3d %8.3f %8.3f%n", k, v.size(), median(v) / 1e6, max(v) / 1e6));
        printWindows(out);
        out.println("datagrams dropped by a node's raw sockets (receive buffer full), by phase: "
                + (socketDrops.isEmpty() ? "none" : socketDrops.toString().replace("|", " / ")));
        out.println("accounting (daemon counters against packets counted on the wire):");
        accounting.forEach(l -> out.println("  " + l));
        if (!notes.isEmpty()) {
            out.println("notes:");
            notes.forEach(l -> out.println("  " + l));
        }
        out.println("violations: " + (violations.isEmpty() ? "none" : violations.size()));
        violations.forEach(l -> out.println("  " + l));
    }

    private void printWindows(PrintStream out) {
        for (String kind : List.of(Timeline.NON_MASTER_HOLDER, Timeline.STOPPED_HOLDER, Timeline.STALE_AFTER_KILL,
                Timeline.TWO_MASTERS, Timeline.ADDED_BEFORE_REPORT, Timeline.REMOVAL_SEEN_LATE)) {
            List<Timeline.Window> of = windows.stream().filter(w -> w.kind().equals(kind)).toList();
            List<Long> lengths = of.stream().map(Timeline.Window::micros).toList();
            out.printf("windows %-36s %3d%s%n", kind + ":", of.size(), of.isEmpty() ? ""
                    : String.format("   median %.3f s, max %.3f s, total %.3f s", median(lengths) / 1e6,
                            max(lengths) / 1e6, lengths.stream().mapToLong(Long::longValue).sum() / 1e6));
            boolean transition = kind.equals(Timeline.ADDED_BEFORE_REPORT) || kind.equals(Timeline.REMOVAL_SEEN_LATE);
            for (Timeline.Window w : transition ? List.<Timeline.Window>of() : of) {
                out.printf("    %-40s %-5s %-4s %8.3f s  %s%n", phaseAt(w.from()), w.instance(), w.node(),
                        w.micros() / 1e6, w.detail());
            }
        }
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static String load() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
