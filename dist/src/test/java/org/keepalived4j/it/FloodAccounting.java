package org.keepalived4j.it;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether each keepalived4j node counted the flood exactly: on the instance the flood names
 * (VI_1), every counter moved by the packets of its class (the received adverts also by the
 * peer's adverts the bridge delivered), on the other instance only the received adverts moved,
 * by the peer's; and the bridge delivered every packet the flooder sent.
 */
final class FloodAccounting {

    /** The flood classes no instance takes, and the daemon-wide counters that count them. */
    private static final Map<String, String> DAEMON_COUNTERS = Map.of("version", "keepalived_vrrp_version_errors_total",
            "checksum", "keepalived_vrrp_checksum_errors_total", "vrid", "keepalived_vrrp_vrid_errors_total");

    private final FaultRig rig;
    private final Map<String, Long> sent;

    FloodAccounting(FaultRig rig, Map<String, Long> sent) {
        this.rig = rig;
        this.sent = sent;
    }

    WireFaults.Accounting check(WireFaults.Snapshot before, WireFaults.Snapshot after) {
        List<String> lines = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        long total = sent.values().stream().mapToLong(Long::longValue).sum();
        lines.add("flood: sent " + sent + " (" + total + ") at VRID 51 (class vrid: VRID 77)");
        Set<String> counters = new LinkedHashSet<>();
        WireFaults.FLOOD_COUNTERS.values().stream().filter(c -> c != null).forEach(counters::add);
        counters.add("keepalived_priority_zero_received_total");
        counters.add("keepalived_advertisements_interval_errors_total");
        for (FaultNode x : rig.nodes()) {
            String toX = "f" + x.name();
            long delivered = after.wire(toX) - before.wire(toX);
            if (delivered != total) {
                wrong.add("flood: the bridge delivered " + delivered + " of " + total + " packets to " + x.name());
            }
            if (!x.keepalived4j() || !x.running()) {
                continue;
            }
            String peerToX = rig.other(x).name() + x.name();
            for (FaultRig.Instance i : FaultRig.INSTANCES) {
                boolean flooded = i.vrid() == FaultRig.INSTANCES.get(0).vrid();
                StringBuilder line = new StringBuilder("flood: " + x.name() + " " + i.name() + ":");
                for (String counter : counters) {
                    long expected = 0;
                    for (Map.Entry<String, String> e : WireFaults.FLOOD_COUNTERS.entrySet()) {
                        if (flooded && counter.equals(e.getValue())) {
                            expected += sent.get(e.getKey());
                        }
                    }
                    if (counter.equals("keepalived_advertisements_received_total")) {
                        expected += after.wire(peerToX + i.vrid()) - before.wire(peerToX + i.vrid());
                    }
                    long got = WireFaults.delta(before, after, x, counter, i.name());
                    line.append(' ').append(counter.replace("keepalived_", "").replace("_total", "")).append(' ')
                            .append(got).append(got == expected ? "" : " (expected " + expected + ")");
                    if (got != expected) {
                        wrong.add("flood: " + x.name() + " " + i.name() + " " + counter + " moved by " + got
                                + ", expected " + expected);
                    }
                }
                lines.add(line.toString());
            }
        }
        for (FaultNode x : rig.nodes()) {
            if (!x.keepalived4j() || !x.running()) {
                continue;
            }
            // daemon-wide, as RFC 2787 counts them: not any instance's
            for (Map.Entry<String, String> e : DAEMON_COUNTERS.entrySet()) {
                long got = after.metrics().get(x.name()).get(e.getValue()) - before.metrics().get(x.name()).get(e.getValue());
                long expected = sent.getOrDefault(e.getKey(), 0L);
                lines.add("flood: " + x.name() + " " + e.getValue().replace("keepalived_", "").replace("_total", "")
                        + " " + got + (got == expected ? "" : " (expected " + expected + ")"));
                if (got != expected) {
                    wrong.add("flood: " + x.name() + " " + e.getValue() + " moved by " + got + ", expected " + expected);
                }
            }
        }
        return new WireFaults.Accounting(lines, wrong);
    }
}
