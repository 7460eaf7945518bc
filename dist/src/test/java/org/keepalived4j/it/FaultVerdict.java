package org.keepalived4j.it;

import java.util.List;

/**
 * The end of a fault run: what the observers recorded is saved beside the logs (the evidence
 * behind every window), and the {@link Timeline} windows of the whole run go into the report.
 * Windows that break the rules (a VIP on a node that is not MASTER or has stopped, two MASTERs
 * without lost adverts or a preemption to explain them, or a preemption handover longer than
 * an advert interval plus the notify grace) become violations.
 */
final class FaultVerdict {

    private FaultVerdict() {
    }

    /** Adds the timeline windows of the whole run to the report (each VIP, both nodes). */
    static void analyse(FaultRig rig) {
        FaultReport report = rig.report();
        rig.phase("timeline");
        long end = Timeline.now();
        save(rig);
        for (FaultRig.Instance i : FaultRig.INSTANCES) {
            Timeline.NodeRecord ra = rig.a().record(i.vip());
            Timeline.NodeRecord rb = rig.b().record(i.vip());
            for (Timeline.NodeRecord r : List.of(ra, rb)) {
                report.windows(Timeline.holders(r, i.name(), end, FaultRig.NOTIFY_GRACE_MICROS,
                        FaultRig.REMOVAL_GRACE_MICROS));
            }
            report.windows(Timeline.twoMasters(ra, rb, i.name(), i.vrid(), FaultRig.ADVERT_MICROS,
                    FaultRig.NOTIFY_GRACE_MICROS, end));
        }
        for (Timeline.Window w : report.windows()) {
            long drops = report.socketDrops(report.phaseAt(w.from()), w.node());
            if (w.kind().equals(Timeline.TWO_MASTERS) && w.detail().startsWith("unexplained") && drops > 0) {
                // the interface saw the master's adverts, the daemon did not: its socket was full
                report.replace(w, new Timeline.Window(w.kind(), w.node(), w.instance(), w.from(), w.to(),
                        "adverts lost in " + w.node() + "'s receive buffer: its raw sockets dropped " + drops
                                + " datagrams in this phase (" + w.detail() + ")"));
            }
        }
        for (Timeline.Window w : report.windows()) {
            boolean slowHandover = w.detail().startsWith("preemption")
                    && w.micros() > FaultRig.ADVERT_MICROS + FaultRig.NOTIFY_GRACE_MICROS;
            boolean bad = w.kind().equals(Timeline.NON_MASTER_HOLDER) || w.kind().equals(Timeline.STOPPED_HOLDER)
                    || w.kind().equals(Timeline.TWO_MASTERS) && (w.detail().startsWith("unexplained") || slowHandover);
            if (bad) {
                report.violation(String.format("%s: %s %s on %s for %.3f s (%s), in phase '%s'", w.kind(), w.instance(),
                        w.kind().equals(Timeline.TWO_MASTERS) ? "newcomer" : "node", w.node(), w.micros() / 1e6,
                        w.detail(), report.phaseAt(w.from())));
            }
        }
    }

    /** Writes what the observers recorded beside the logs: the evidence behind the windows. */
    private static void save(FaultRig rig) {
        for (FaultNode n : rig.nodes()) {
            StringBuilder vips = new StringBuilder();
            for (FaultRig.Instance i : FaultRig.INSTANCES) {
                n.vipChanges(i.vip()).forEach(c -> vips.append(String.format("%.6f %s %s%n", c.micros() / 1e6,
                        c.added() ? "added" : "deleted", c.address())));
            }
            StringBuilder adverts = new StringBuilder();
            n.adverts().forEach(ad -> adverts.append(String.format("%.6f %s vrid %d prio %d%n", ad.micros() / 1e6,
                    ad.source(), ad.vrid(), ad.priority())));
            try {
                java.nio.file.Files.writeString(rig.dir().resolve("vips-" + n.name() + ".txt"), vips);
                java.nio.file.Files.writeString(rig.dir().resolve("adverts-" + n.name() + ".txt"), adverts);
            } catch (java.io.IOException e) {
                rig.report().note("could not save the observations of " + n.name() + ": " + e.getMessage());
            }
        }
    }
}
