package org.keepalived4j.config.vrrp;

import java.util.List;
import java.util.function.Predicate;
import org.keepalived4j.config.TrackRef;
import org.keepalived4j.config.keyword.NumberReading;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;

/**
 * The lines of {@code track_interface}, {@code track_script}, {@code track_file},
 * {@code track_process} and {@code track_bfd} blocks, shared by instances and sync groups:
 * {@code NAME [weight W [reverse|noreverse]]}.
 */
final class TrackEntries {

    private TrackEntries() {
    }

    static void interfaces(ConfigNode block, ParseContext ctx, String owner, List<TrackRef> out) {
        for (ConfigNode line : block.children()) {
            String name = line.keyword();
            if (!ctx.interfaceUsable(name)) {
                ctx.error(line, owner, "tracked interface " + name + " doesn't exist");
                continue;
            }
            add(line, ctx, owner, out, "track_interface", 253, false);
        }
    }

    static void named(ConfigNode block, ParseContext ctx, String owner, List<TrackRef> out, String kind,
            Predicate<String> known, int maxWeight) {
        String what = kind.replace('_', ' ');
        for (ConfigNode line : block.children()) {
            if (!known.test(line.keyword())) {
                ctx.error(line, owner, what + " " + line.keyword() + " not found, ignoring...");
                continue;
            }
            add(line, ctx, owner, out, kind, maxWeight, true);
        }
    }

    private static void add(ConfigNode line, ParseContext ctx, String owner, List<TrackRef> out, String kind,
            int maxWeight, boolean noreverse) {
        String name = line.keyword();
        if (out.stream().anyMatch(t -> t.name().equals(name))) {
            ctx.error(line, owner, "duplicate " + kind + " " + name + " - ignoring");
            return;
        }
        Integer weight = null;
        boolean reverse = false;
        if (!line.args().isEmpty()) {
            if (!"weight".equals(line.arg(0))) {
                ctx.error(line, owner, "unknown " + kind + " " + name + " option " + line.arg(0) + " - ignoring");
                return;
            }
            if (line.args().size() == 1) {
                ctx.error(line, owner, "weight without value specified for " + kind + " " + name + " - ignoring");
                return;
            }
            NumberReading.Result r = NumberReading.signed(line.arg(1), -254, 254);
            if (!r.ok()) {
                ctx.error(line, owner, r.problemText() + " - weight " + line.arg(1) + " for " + name
                        + " must be between [-" + maxWeight + ".." + maxWeight + "] inclusive. Ignoring...");
                weight = "track_interface".equals(kind) ? 0 : null;
            } else if (maxWeight == 253 && Math.abs(r.value()) == 254) {
                ctx.warning(line, owner, "weight for " + name + " cannot be +/-254. Setting to +/-253");
                weight = r.value() < 0 ? -253 : 253;
            } else {
                weight = (int) r.value();
            }
            if (line.args().size() >= 3) {
                if ("reverse".equals(line.arg(2))) {
                    reverse = true;
                } else if (!(noreverse && "noreverse".equals(line.arg(2)))) {
                    ctx.error(line, owner, "unknown " + kind + " " + name + " weight option " + line.arg(2)
                            + " - ignoring");
                }
            }
        }
        out.add(new TrackRef(name, weight, reverse, line.location()));
    }
}
