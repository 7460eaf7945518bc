package org.keepalived4j.it;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one VRRP instance looked like over a run, from three independent records per node: when
 * its daemon ran (start, SIGKILL, graceful exit), the states it reported (notify FIFO) and
 * when the kernel added or removed the VIP (ip monitor), plus the adverts each node's interface
 * saw (tcpdump). Pure: all times are microseconds since the epoch, nothing is observed here.
 *
 * <p>A node's condition at any moment is one of: a VRRP state it reported (MASTER, BACKUP,
 * FAULT, STOP; INIT before its first report), {@link #RESTARTING} (started again after a
 * SIGKILL, no state reported yet), {@link #DEAD} (killed, not restarted) or {@link #STOPPED}
 * (exited after SIGTERM).
 */
final class Timeline {

    static final String DEAD = "DEAD";
    static final String STOPPED = "STOPPED";
    static final String RESTARTING = "RESTARTING";
    static final String MASTER = "MASTER";

    /** One run of a daemon: from its start to its SIGKILL or its exit ({@link Long#MAX_VALUE} while it runs). */
    record Life(long start, long end, boolean killed) {
    }

    /** What one node did: its address on the VRRP link, lives, reported states, VIP changes and the adverts it saw. */
    record NodeRecord(String name, String address, List<Life> lives, List<StateFile.Change> states,
            List<AddressWatch.Change> vip, List<AdvertCapture.Advert> adverts) {
    }

    /** A stretch of time with one condition (and the priority the node last reported). */
    record Segment(long from, long to, String condition, int priority) {
    }

    /** A window worth reporting; {@code kind} is one of the constants below. */
    record Window(String kind, String node, String instance, long from, long to, String detail) {
        long micros() {
            return to - from;
        }
    }

    /** A killed node (or one restarting after a kill, before it reports a state) still held the VIP: the kernel keeps it. */
    static final String STALE_AFTER_KILL = "stale after SIGKILL";
    /** A running node held the VIP in a state other than MASTER: never allowed. */
    static final String NON_MASTER_HOLDER = "held by a non-MASTER";
    /** A node that had stopped gracefully still held the VIP: never allowed. */
    static final String STOPPED_HOLDER = "held after graceful stop";
    /** Two nodes reported MASTER at once. */
    static final String TWO_MASTERS = "two MASTERs";
    /**
     * The VIP was added while the node had not yet reported MASTER, and MASTER was reported
     * within the grace: the transition itself (keepalived4j installs the VIP, then reports).
     */
    static final String ADDED_BEFORE_REPORT = "added before MASTER was reported";
    /**
     * The VIP's removal was seen (by ip monitor, which stamps a change when it reads it) after
     * the node reported leaving MASTER, or its first state after a restart, within the grace:
     * the removal at that transition, seen late.
     */
    static final String REMOVAL_SEEN_LATE = "removal seen after the report";

    private Timeline() {
    }

    /** The wall clock in microseconds since the epoch, as ip monitor, tcpdump and date report it. */
    static long now() {
        java.time.Instant t = java.time.Instant.now();
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    /** The node's conditions for {@code instance} from its first start to {@code end}. */
    static List<Segment> segments(NodeRecord node, String instance, long end) {
        List<StateFile.Change> states = node.states().stream().filter(c -> c.instance().equals(instance))
                .sorted(Comparator.comparingLong(StateFile.Change::micros)).toList();
        List<Segment> out = new ArrayList<>();
        List<Life> lives = node.lives();
        for (int i = 0; i < lives.size(); i++) {
            Life life = lives.get(i);
            long lifeEnd = Math.min(life.end(), end);
            long from = life.start();
            String condition = i > 0 && lives.get(i - 1).killed() ? RESTARTING : "INIT";
            int priority = 0;
            for (StateFile.Change c : states) {
                if (c.micros() < life.start() || c.micros() >= lifeEnd) {
                    continue;
                }
                add(out, from, c.micros(), condition, priority);
                from = c.micros();
                condition = c.state();
                priority = c.priority();
            }
            add(out, from, lifeEnd, condition, priority);
            long next = i + 1 < lives.size() ? lives.get(i + 1).start() : end;
            if (life.end() < end) {
                add(out, life.end(), Math.min(next, end), life.killed() ? DEAD : STOPPED, 0);
            }
        }
        return out;
    }

    private static void add(List<Segment> out, long from, long to, String condition, int priority) {
        if (to > from) {
            out.add(new Segment(from, to, condition, priority));
        }
    }

    /** The intervals the node held the VIP, from its add/delete notifications; one still held ends at {@code end}. */
    static List<long[]> holdings(NodeRecord node, long end) {
        List<long[]> out = new ArrayList<>();
        long since = -1;
        for (AddressWatch.Change c : node.vip()) {
            if (c.added() && since < 0) {
                since = c.micros();
            } else if (!c.added() && since >= 0) {
                out.add(new long[] {since, c.micros()});
                since = -1;
            }
        }
        if (since >= 0 && end > since) {
            out.add(new long[] {since, end});
        }
        return out;
    }

    /**
     * Every stretch the node held the VIP while not MASTER. Both daemons change the VIP and
     * their state together, in the VRRP thread, but the two records of it are taken apart: the
     * notify FIFO line is read after the state change, and ip monitor stamps an address change when it
     * reads the kernel's notification. So a stretch that begins with the VIP being added and
     * ends when MASTER is reported within {@code addGraceMicros}, and one that begins when the
     * node reports leaving MASTER (or its first state after a restart: a daemon removes stale
     * VIPs as it starts) and ends with the VIP's removal within {@code removeGraceMicros}, are
     * the transition itself; they are reported under their own kinds, not as a node holding a
     * VIP it should not hold.
     */
    static List<Window> holders(NodeRecord node, String instance, long end, long addGraceMicros,
            long removeGraceMicros) {
        List<Segment> segments = segments(node, instance, end);
        List<Window> out = new ArrayList<>();
        for (long[] held : holdings(node, end)) {
            for (int i = 0; i < segments.size(); i++) {
                Segment s = segments.get(i);
                long from = Math.max(held[0], s.from());
                long to = Math.min(held[1], s.to());
                if (to <= from || s.condition().equals(MASTER)) {
                    continue;
                }
                boolean addedBeforeReport = from == held[0] && to == s.to() && i + 1 < segments.size()
                        && segments.get(i + 1).condition().equals(MASTER) && to - from <= addGraceMicros;
                boolean removalSeenLate = from == s.from() && to == held[1] && i > 0
                        && List.of(MASTER, RESTARTING).contains(segments.get(i - 1).condition())
                        && segments.get(i - 1).to() == s.from()
                        && to - from <= removeGraceMicros;
                String kind = addedBeforeReport ? ADDED_BEFORE_REPORT
                        : removalSeenLate ? REMOVAL_SEEN_LATE
                        : switch (s.condition()) {
                            case DEAD, RESTARTING -> STALE_AFTER_KILL;
                            case STOPPED -> STOPPED_HOLDER;
                            default -> NON_MASTER_HOLDER;
                        };
                out.add(new Window(kind, node.name(), instance, from, to, s.condition()));
            }
        }
        return merge(out);
    }

    /** Joins adjacent windows of one kind (a killed node's DEAD then RESTARTING stretch is one window). */
    private static List<Window> merge(List<Window> windows) {
        List<Window> out = new ArrayList<>();
        for (Window w : windows) {
            Window last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.kind().equals(w.kind()) && last.to() == w.from()) {
                out.set(out.size() - 1, new Window(w.kind(), w.node(), w.instance(), last.from(), w.to(),
                        last.detail().equals(w.detail()) ? w.detail() : last.detail() + "+" + w.detail()));
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * The windows in which both nodes reported MASTER, each with its cause, from the point of view
     * of the node that became MASTER second (the newcomer). VRRP lets a backup become MASTER
     * only when it has heard nothing from the master for Master_Down_Interval (three adverts
     * and the skew), so: either the newcomer's capture shows that silence (then the other's own
     * capture tells whether the adverts were sent and lost on the wire, or not sent at all), or
     * the newcomer has the higher priority and is preempting (the old master steps down at its
     * first advert), or the window is unexplained. The newcomer's own first advert as MASTER
     * (it sends one at once) dates its transition better than its notify FIFO line, which is read
     * later, up to {@code reportGraceMicros}: adverts heard after that first advert came too late
     * to matter.
     */
    static List<Window> twoMasters(NodeRecord a, NodeRecord b, String instance, int vrid,
            long advertIntervalMicros, long reportGraceMicros, long end) {
        List<Segment> sa = segments(a, instance, end);
        List<Segment> sb = segments(b, instance, end);
        List<Window> out = new ArrayList<>();
        for (Segment x : sa) {
            for (Segment y : sb) {
                if (!x.condition().equals(MASTER) || !y.condition().equals(MASTER)) {
                    continue;
                }
                long from = Math.max(x.from(), y.from());
                long to = Math.min(x.to(), y.to());
                if (to <= from) {
                    continue;
                }
                boolean aIsNew = x.from() >= y.from();
                NodeRecord newcomer = aIsNew ? a : b;
                NodeRecord old = aIsNew ? b : a;
                Segment mine = aIsNew ? x : y;
                Segment theirs = aIsNew ? y : x;
                out.add(new Window(TWO_MASTERS, newcomer.name(), instance, from, to,
                        cause(newcomer, old, mine, theirs, vrid, advertIntervalMicros, reportGraceMicros)));
            }
        }
        return out;
    }

    /** Master_Down_Interval (RFC 3768 6.1 / keepalived's VRRPv2 arithmetic) for a priority. */
    static long masterDownMicros(long advertIntervalMicros, int priority) {
        return 3 * advertIntervalMicros + (256 - priority) * advertIntervalMicros / 256;
    }

    /** When the newcomer became MASTER: its first advert in the grace before its report, else the report. */
    private static long becameMaster(NodeRecord newcomer, Segment mine, int vrid, long reportGraceMicros) {
        long became = mine.from();
        for (AdvertCapture.Advert ad : newcomer.adverts()) {
            if (ad.source().equals(newcomer.address()) && ad.vrid() == vrid && ad.priority() > 0
                    && ad.micros() <= mine.from() && ad.micros() >= mine.from() - reportGraceMicros) {
                became = Math.min(became, ad.micros());
            }
        }
        return became;
    }

    private static String cause(NodeRecord newcomer, NodeRecord old, Segment mine, Segment theirs, int vrid,
            long advertIntervalMicros, long reportGraceMicros) {
        long became = becameMaster(newcomer, mine, vrid, reportGraceMicros);
        long lastHeard = Long.MIN_VALUE;
        int lastPriority = theirs.priority();
        for (AdvertCapture.Advert ad : newcomer.adverts()) {
            if (ad.source().equals(old.address()) && ad.vrid() == vrid && ad.micros() < became
                    && ad.micros() > lastHeard) {
                lastHeard = ad.micros();
                lastPriority = ad.priority();
            }
        }
        long down = masterDownMicros(advertIntervalMicros, mine.priority() > 0 ? mine.priority() : 255);
        // 20 ms: tcpdump's and the FIFO reader's clocks are the same, their readings are not atomic
        if (lastHeard == Long.MIN_VALUE || became - lastHeard >= down - 20_000) {
            long from = lastHeard == Long.MIN_VALUE ? mine.from() - down : lastHeard;
            long sent = old.adverts().stream().filter(ad -> ad.source().equals(old.address()) && ad.vrid() == vrid
                    && ad.micros() > from && ad.micros() < became).count();
            String silence = lastHeard == Long.MIN_VALUE ? "no advert of " + old.name() + " heard"
                    : String.format("%.3f s without an advert of %s", (became - lastHeard) / 1e6, old.name());
            return sent > 0 ? "adverts lost on the wire: " + silence + ", " + sent + " sent"
                    : "adverts not sent: " + silence + ", none sent";
        }
        if (mine.priority() > lastPriority) {
            return "preemption: priority " + mine.priority() + " over the " + lastPriority + " " + old.name()
                    + " advertised";
        }
        return String.format("unexplained: last advert of %s heard %.3f s before", old.name(),
                (became - lastHeard) / 1e6);
    }
}
