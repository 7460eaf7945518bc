package org.keepalived4j.config.vrrp;

import org.keepalived4j.config.SourceLocation;
import org.keepalived4j.config.VrrpScriptConfig;
import org.keepalived4j.config.global.GlobalDraft;
import org.keepalived4j.config.global.ScriptUsers;
import org.keepalived4j.config.keyword.KeywordTable;
import org.keepalived4j.config.keyword.NumberReading;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;

/** A {@code vrrp_script} block. */
final class VrrpScriptParser {

    /** A {@code vrrp_script} while it is read. */
    static final class Draft {
        final String name;
        final SourceLocation location;
        String command;
        long intervalMicros = 1_000_000L;
        long timeoutMicros;
        int weight;
        boolean reverse;
        int rise = 1;
        int fall = 1;
        String user;
        String group;
        boolean userSet;
        boolean remove;
        boolean initFail;

        Draft(String name, SourceLocation location) {
            this.name = name;
            this.location = location;
        }

        VrrpScriptConfig toConfig() {
            return new VrrpScriptConfig(name, location, command, intervalMicros, timeoutMicros, weight, reverse, rise,
                    fall, user, group, initFail);
        }
    }

    private static final long SECONDS_MAX = 0xFFFF_FFFFL / 1_000_000L;

    static final KeywordTable<Draft> TABLE = new KeywordTable<Draft>()
            .line("script", (d, n, c) -> d.command = String.join(" ", n.args()))
            .line("interval", (d, n, c) -> {
                Long v = c.args(n).unsignedIn(0, 0, SECONDS_MAX, d.name, "vrrp script interval '" + n.arg(0)
                        + "' must be between 1 and " + SECONDS_MAX + " - ignoring");
                if (v != null) {
                    d.intervalMicros = positive(v, n, c, d, "interval") * 1_000_000L;
                }
            })
            .line("timeout", (d, n, c) -> {
                Long v = c.args(n).unsignedIn(0, 0, SECONDS_MAX, d.name, "vrrp script timeout '" + n.arg(0)
                        + "' invalid - ignoring");
                if (v != null) {
                    d.timeoutMicros = positive(v, n, c, d, "timeout") * 1_000_000L;
                }
            })
            .line("weight", (d, n, c) -> {
                NumberReading.Result r = NumberReading.signed(c.param(n, 0), -253, 253);
                if (!r.ok()) {
                    c.error(n, null, r.problemText() + " - vrrp_script " + d.name + " weight " + n.arg(0)
                            + " must be in [-253, 253]");
                }
                d.weight = r.ok() ? (int) r.value() : 0;
                if (n.arg(1) != null) {
                    if ("reverse".equals(n.arg(1))) {
                        d.reverse = true;
                    } else {
                        c.error(n, null, "vrrp_script " + d.name + " unknown weight option " + n.arg(1));
                    }
                }
            })
            .line("rise", (d, n, c) -> d.rise = count(n, c, d, "rise"))
            .line("fall", (d, n, c) -> d.fall = count(n, c, d, "fall"))
            .line("user", (d, n, c) -> {
                String user = c.param(n, 0);
                boolean ok = c.probe().userExists(user) && (n.arg(1) == null || c.probe().groupExists(n.arg(1)));
                if (!ok) {
                    c.error(n, null, "Unable to set uid/gid for script " + (d.command == null ? "" : d.command));
                    d.remove = true;
                } else {
                    d.remove = false;
                    d.userSet = true;
                    d.user = user;
                    d.group = n.arg(1);
                }
            })
            .line("init_fail", (d, n, c) -> d.initFail = true);

    private VrrpScriptParser() {
    }

    private static long positive(long v, ConfigNode n, ParseContext c, Draft d, String what) {
        if (v == 0) {
            c.warning(n, d.name, "vrrp script " + what + " must be greater than 0, setting to 1");
            return 1;
        }
        return v;
    }

    private static int count(ConfigNode n, ParseContext c, Draft d, String what) {
        Long v = c.args(n).unsignedIn(0, 1, Integer.MAX_VALUE, d.name, "vrrp script " + what + " value '" + n.arg(0)
                + "' invalid, defaulting to 1");
        return v == null ? 1 : v.intValue();
    }

    /**
     * Reads the block and decides whether keepalived keeps it: no script, an unknown user, or
     * no default script user under {@code enable_script_security} remove it.
     */
    static VrrpScriptConfig parse(ConfigNode block, ParseContext ctx, GlobalDraft global, ScriptUsers users) {
        Draft d = new Draft(block.arg(0) == null ? "" : block.arg(0), block.location());
        TABLE.apply(d, block.children(), ctx);
        if (d.command == null || d.command.isBlank()) {
            ctx.errorAtEnd(block, null, "No script set for vrrp_script " + d.name + " - removing");
            return null;
        }
        if (!d.remove && !d.userSet && !users.defaultUserUsable(block.end(), ctx)) {
            ctx.errorAtEnd(block, null, "Unable to set default user for vrrp script " + d.name + " - removing");
            return null;
        }
        return d.remove ? null : d.toConfig();
    }
}
