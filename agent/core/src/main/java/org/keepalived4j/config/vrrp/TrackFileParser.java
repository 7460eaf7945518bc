package org.keepalived4j.config.vrrp;

import org.keepalived4j.config.TrackFileConfig;
import org.keepalived4j.config.keyword.KeywordTable;
import org.keepalived4j.config.keyword.NumberReading;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;

/** A {@code track_file} block (or its older spelling {@code vrrp_track_file}). */
final class TrackFileParser {

    /** A track file while it is read. */
    private static final class Draft {
        final String name;
        String path;
        Integer weight;
        boolean reverse;
        Long initValue;
        boolean initOverwrite;

        Draft(String name) {
            this.name = name;
        }
    }

    private static final KeywordTable<Draft> TABLE = new KeywordTable<Draft>()
            .line("file", (d, n, c) -> {
                if (n.args().isEmpty()) {
                    c.error(n, null, "track file file name missing");
                } else if (d.path != null) {
                    c.error(n, null, "File already set for track file " + d.name + " - ignoring " + n.arg(0));
                } else {
                    d.path = n.arg(0);
                }
            })
            .line("weight", (d, n, c) -> {
                if (n.args().isEmpty()) {
                    c.error(n, null, "No weight specified for track file " + d.name + " - ignoring");
                    return;
                }
                if (d.weight != null) {
                    c.error(n, null, "Weight already set for track file " + d.name + " - ignoring " + n.arg(0));
                    return;
                }
                NumberReading.Result r = NumberReading.signed(n.arg(0), -254, 254);
                if (!r.ok()) {
                    c.error(n, null, r.problemText() + " - Weight (" + n.arg(0) + ") for track_file " + d.name
                            + " must be between [-254..254] inclusive. Ignoring...");
                    return;
                }
                d.weight = (int) r.value();
                if (n.arg(1) != null) {
                    if ("reverse".equals(n.arg(1))) {
                        d.reverse = true;
                    } else {
                        c.error(n, null, "track_file " + d.name + " unknown weight option " + n.arg(1));
                    }
                }
            })
            .line("init_file", (d, n, c) -> {
                d.initValue = 0L;
                for (String word : n.args()) {
                    if ("overwrite".equals(word)) {
                        d.initOverwrite = true;
                        continue;
                    }
                    NumberReading.Result r = NumberReading.signed(word, Integer.MIN_VALUE, Integer.MAX_VALUE);
                    if (!r.ok()) {
                        c.error(n, null, "Track file " + d.name + " init value " + word + " is invalid");
                        return;
                    }
                    d.initValue = r.value();
                }
            });

    private TrackFileParser() {
    }

    static TrackFileConfig parse(ConfigNode block, ParseContext ctx) {
        if ("vrrp_track_file".equals(block.keyword())) {
            ctx.info(block, null, "\"vrrp_track_file\" is deprecated, please use \"track_file\"");
        }
        Draft d = new Draft(block.arg(0) == null ? "" : block.arg(0));
        TABLE.apply(d, block.children(), ctx);
        if (d.path == null) {
            ctx.errorAtEnd(block, null, "No file set for track_file " + d.name + " - ignoring");
            return null;
        }
        return new TrackFileConfig(d.name, block.location(), d.path, d.weight == null ? 1 : d.weight, d.reverse,
                d.initValue, d.initOverwrite);
    }
}
