package org.keepalived4j.config.vrrp;

import org.keepalived4j.config.TrackProcessConfig;
import org.keepalived4j.config.keyword.KeywordTable;
import org.keepalived4j.config.keyword.NumberReading;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;

/** A {@code vrrp_track_process} block. */
final class TrackProcessParser {

    /** A tracked process while it is read. */
    private static final class Draft {
        final String name;
        String process;
        String parameters;
        String paramMatch;
        int quorum = 1;
        int quorumMax = 0xFFFF;
        Integer weight;
        boolean reverse;
        long forkDelayMicros;
        long terminateDelayMicros;
        boolean fullCommand;

        Draft(String name) {
            this.name = name;
        }
    }

    private static final KeywordTable<Draft> TABLE = new KeywordTable<Draft>()
            .line("process", (d, n, c) -> {
                String first = c.param(n, 0);
                if (d.process != null) {
                    c.error(n, null, "Process already set for track process " + d.name + " - ignoring " + first);
                    return;
                }
                d.process = first;
                if (n.args().size() > 1) {
                    d.parameters = String.join(" ", n.args().subList(1, n.args().size()));
                    d.paramMatch = d.paramMatch == null ? "exact" : d.paramMatch;
                    d.fullCommand = true;
                }
            })
            .line("param_match", (d, n, c) -> {
                String how = n.arg(0) == null ? "exact" : n.arg(0);
                if ("exact".equals(how) && n.arg(0) == null || "initial".equals(how) || "partial".equals(how)) {
                    d.paramMatch = how;
                    d.fullCommand = true;
                } else {
                    c.error(n, null, "Invalid param_match type " + how + " - ignoring");
                }
            })
            .line("weight", (d, n, c) -> {
                if (n.args().isEmpty()) {
                    c.error(n, null, "No weight specified for track process " + d.name + " - ignoring");
                } else if (d.weight != null && d.weight != 0) {
                    c.error(n, null, "Weight already set for track process " + d.name + " - ignoring " + n.arg(0));
                } else {
                    NumberReading.Result r = NumberReading.signed(n.arg(0), -254, 254);
                    if (!r.ok()) {
                        c.error(n, null, r.problemText() + " - Weight (" + n.arg(0) + ") for vrrp_track_process "
                                + d.name + " must be between [-254..254] inclusive. Ignoring...");
                        return;
                    }
                    if (n.arg(1) != null && !"reverse".equals(n.arg(1))) {
                        c.error(n, null, "vrrp_track_process " + d.name + " unknown weight option " + n.arg(1));
                    }
                    d.reverse |= "reverse".equals(n.arg(1));
                    d.weight = (int) r.value();
                }
            })
            .line("quorum", (d, n, c) -> {
                Long v = c.args(n).unsignedIn(0, 1, 65535, null, "Quorum (" + n.arg(0) + ") for vrrp_track_process "
                        + d.name + " must be between [1..65535] inclusive. Ignoring...");
                if (v != null && v > d.quorumMax) {
                    c.error(n, null, "Quorum is greater than quorum_max - ignoring");
                } else if (v != null) {
                    d.quorum = v.intValue();
                }
            })
            .line("quorum_max", (d, n, c) -> {
                Long v = c.args(n).unsignedIn(0, 0, 65535, null, "quorum_max (" + n.arg(0)
                        + ") for vrrp_track_process " + d.name + " must be between [0..65535] inclusive. Ignoring...");
                if (v == null) {
                    return;
                }
                if ((v != 0 || d.quorum > 1) && v < d.quorum) {
                    c.error(n, null, "quorum_max is less than quorum - ignoring");
                    return;
                }
                d.quorumMax = v.intValue();
                d.quorum = v == 0 ? 0 : Math.max(d.quorum, 1);
            })
            .line("delay", (d, n, c) -> delay(d, n, c, ""))
            .line("terminate_delay", (d, n, c) -> delay(d, n, c, "terminate_"))
            .line("fork_delay", (d, n, c) -> delay(d, n, c, "fork_"))
            .line("full_command", (d, n, c) -> d.fullCommand = true);

    private TrackProcessParser() {
    }

    private static void delay(Draft d, ConfigNode n, ParseContext c, String kind) {
        Long v = c.args(n).timerIn(0, 1, 3_600_000_000L, null, kind + "delay (" + n.arg(0)
                + ") for vrrp_track_process " + d.name + " must be between [0.000001..3600] inclusive. Ignoring...");
        if (v == null) {
            return;
        }
        if (!"fork_".equals(kind)) {
            d.terminateDelayMicros = v;
        }
        if (!"terminate_".equals(kind)) {
            d.forkDelayMicros = v;
        }
    }

    static TrackProcessConfig parse(ConfigNode block, ParseContext ctx) {
        Draft d = new Draft(block.arg(0) == null ? "" : block.arg(0));
        TABLE.apply(d, block.children(), ctx);
        if (d.process == null) {
            ctx.error(block, null, "track process '" + d.name + "' process name not specified");
            return null;
        }
        return new TrackProcessConfig(d.name, block.location(), d.process, d.parameters, d.paramMatch, d.quorum,
                d.quorumMax, d.weight == null ? 1 : d.weight, d.reverse, Math.max(d.forkDelayMicros,
                        d.terminateDelayMicros), d.terminateDelayMicros, d.forkDelayMicros, d.fullCommand);
    }
}
