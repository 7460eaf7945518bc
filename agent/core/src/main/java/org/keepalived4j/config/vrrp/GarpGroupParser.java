package org.keepalived4j.config.vrrp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.keepalived4j.config.GarpGroupConfig;
import org.keepalived4j.config.SourceLocation;
import org.keepalived4j.config.keyword.KeywordTable;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;

/** A {@code garp_group} block. */
final class GarpGroupParser {

    /** A garp group while it is read. */
    private static final class Draft {
        Long garp;
        Long gna;
        final List<String> interfaces = new ArrayList<>();
        boolean aggregate;
        Set<String> taken;
    }

    private static final KeywordTable<Draft> TABLE = new KeywordTable<Draft>()
            .line("garp_interval", (d, n, c) -> d.garp = interval(n, c, "garp_interval", d.garp))
            .line("gna_interval", (d, n, c) -> d.gna = interval(n, c, "gna_interval", d.gna))
            .line("interface", (d, n, c) -> add(d, n.location(), c, c.param(n, 0)))
            .block("interfaces", (d, n, c) -> {
                if (n.children().isEmpty()) {
                    c.warning(n, null, "empty garp_group interfaces block");
                    return;
                }
                d.aggregate = true;
                for (ConfigNode line : n.children()) {
                    for (String name : line.words()) {
                        // keepalived checks the names when the block closes
                        add(d, n.end(), c, name);
                    }
                }
            });

    private GarpGroupParser() {
    }

    private static Long interval(ConfigNode n, ParseContext c, String what, Long previous) {
        Long v = c.args(n).timerIn(0, 0, Integer.MAX_VALUE, null, "garp_group " + what + " '" + n.arg(0) + "' invalid");
        if (v == null) {
            return previous;
        }
        if (v >= 1_000_000L) {
            c.info(n, null, "The " + what + " is very large - " + n.arg(0) + " seconds");
        }
        return v;
    }

    private static void add(Draft d, SourceLocation at, ParseContext c, String name) {
        if (!c.interfaceExists(name) && !c.dynamicInterfaces()) {
            c.diagnostics().error(at, null, "WARNING - interface " + name + " specified for garp_group doesn't exist");
            return;
        }
        if (d.taken.contains(name) || d.interfaces.contains(name)) {
            c.diagnostics().error(at, null, "garp_group already specified for " + name + " - ignoring");
            return;
        }
        d.interfaces.add(name);
    }

    /**
     * Reads a block; {@code taken} are the interfaces earlier groups already claimed, and it
     * receives this group's.
     */
    static GarpGroupConfig parse(ConfigNode block, ParseContext ctx, Set<String> taken, int groupNumber) {
        Draft d = new Draft();
        d.taken = taken;
        TABLE.apply(d, block.children(), ctx);
        if (d.garp == null && d.gna == null) {
            ctx.error(block, null, "garp group " + groupNumber + " does not have any delay set - removing");
            return null;
        }
        taken.addAll(d.interfaces);
        return new GarpGroupConfig(block.location(), d.garp, d.gna, d.interfaces, d.aggregate);
    }
}
