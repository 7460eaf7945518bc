package org.keepalived4j.config.vrrp;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.keepalived4j.config.BfdInstanceConfig;
import org.keepalived4j.config.keyword.IpLiterals;
import org.keepalived4j.config.keyword.KeywordTable;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;

/** A {@code bfd_instance} block. */
final class BfdInstanceParser {

    private static final long MS_MAX = 0xFFFF_FFFFL / 1000L;

    /** A BFD instance while it is read. */
    private static final class Draft {
        final String name;
        InetAddress neighbor;
        InetAddress source;
        long minRx = 10_000;
        long minTx = 10_000;
        long idleTx = 1_000_000;
        int multiplier = 5;
        boolean passive;
        Integer ttl;
        int maxHops;
        int weight;
        boolean reverse;
        boolean vrrp;
        boolean checker;
        boolean invalid;

        Draft(String name) {
            this.name = name;
        }
    }

    private static final KeywordTable<Draft> TABLE = new KeywordTable<Draft>()
            .line("neighbor_ip", (d, n, c) -> d.neighbor = address(d, n, c, "neighbor", d.neighbor))
            .line("neighbour_ip", (d, n, c) -> d.neighbor = address(d, n, c, "neighbour", d.neighbor))
            .line("source_ip", (d, n, c) -> d.source = address(d, n, c, "source", d.source))
            .line("min_rx", (d, n, c) -> d.minRx = interval(d, n, c, 1_000, d.minRx))
            .line("min_tx", (d, n, c) -> d.minTx = interval(d, n, c, 1_000, d.minTx))
            .line("idle_tx", (d, n, c) -> d.idleTx = interval(d, n, c, 1_000_000, d.idleTx))
            .line("multiplier", (d, n, c) -> {
                Long v = c.args(n).unsignedIn(0, 1, 255, null, "Configuration error: BFD instance " + d.name
                        + " multiplier value " + n.arg(0) + " is not valid (must be in range [1-255]), ignoring");
                d.multiplier = v == null ? d.multiplier : v.intValue();
            })
            .line("passive", (d, n, c) -> d.passive = true)
            .line("ttl", (d, n, c) -> ttl(d, n, c))
            .line("hoplimit", (d, n, c) -> ttl(d, n, c))
            .line("max_hops", (d, n, c) -> {
                Long v = c.args(n).signedIn(0, -1, 255, null, "Configuration error: BFD instance " + d.name
                        + " max_hops value " + n.arg(0) + " is not valid (must be in range [0-255]), ignoring");
                d.maxHops = v == null ? d.maxHops : v.intValue();
            })
            .line("weight", (d, n, c) -> {
                Long v = c.args(n).signedIn(0, -253, 253, null, "Configuration error: BFD instance " + d.name
                        + " weight value " + n.arg(0) + " is not valid (must be in range [-253..253]), ignoring");
                if (v != null) {
                    d.weight = v.intValue();
                    if (n.arg(1) != null && !"reverse".equals(n.arg(1))) {
                        c.error(n, null, "Configuration error: BFD instance " + d.name + " unknown weight option "
                                + n.arg(1));
                    }
                    d.reverse = "reverse".equals(n.arg(1));
                }
            })
            .line("vrrp", (d, n, c) -> d.vrrp = true)
            .line("checker", (d, n, c) -> d.checker = true);

    private BfdInstanceParser() {
    }

    private static InetAddress address(Draft d, ConfigNode n, ParseContext c, String what, InetAddress previous) {
        String text = c.param(n, 0);
        InetAddress a = IpLiterals.parse(text);
        if (a == null) {
            c.error(n, null, "Configuration error: BFD instance " + d.name + " has malformed " + what + " address "
                    + text + ", ignoring instance");
            d.invalid = true;
            return previous;
        }
        return a;
    }

    private static long interval(Draft d, ConfigNode n, ParseContext c, long minMicros, long previous) {
        Long v = c.args(n).decimalIn(0, minMicros, MS_MAX * 1000, 3, null, "Configuration error: BFD instance "
                + d.name + " " + n.keyword() + " value " + n.arg(0) + " is not valid, ignoring");
        if (v == null) {
            return previous;
        }
        if (v > 10_000_000L) {
            c.info(n, null, "Configuration warning: BFD instance " + d.name + " " + n.keyword() + " value " + n.arg(0)
                    + " is larger than the sensible maximum");
        }
        return v;
    }

    private static void ttl(Draft d, ConfigNode n, ParseContext c) {
        Long v = c.args(n).unsignedIn(0, 1, 255, null, "Configuration error: BFD instance " + d.name + " "
                + n.keyword() + " value " + n.arg(0) + " is not valid (must be in range [1-255]), ignoring");
        d.ttl = v == null ? d.ttl : Integer.valueOf(v.intValue());
    }

    static BfdInstanceConfig parse(ConfigNode block, ParseContext ctx, boolean nameTaken) {
        String name = block.arg(0) == null ? "" : block.arg(0);
        if (name.length() >= 32) {
            ctx.error(block, null, "Configuration error: BFD instance " + name + " name too long (maximum length is 31"
                    + " characters) - ignoring");
            return null;
        }
        if (nameTaken) {
            ctx.error(block, null, "Configuration error: BFD instance " + name + " already configured - ignoring");
            return null;
        }
        Draft d = new Draft(name);
        TABLE.apply(d, block.children(), ctx);
        if (d.invalid) {
            return null;
        }
        if (d.neighbor == null) {
            ctx.errorAtEnd(block, null, "Configuration error: BFD instance " + name + " has no neighbor address set,"
                    + " disabling instance");
            return null;
        }
        boolean v6 = d.neighbor instanceof Inet6Address;
        if (d.source != null && (d.source instanceof Inet6Address) != v6) {
            ctx.error(block, null, "Configuration error: BFD instance " + name + " source address and neighbor address"
                    + " are not of the same family, disabling instance");
            return null;
        }
        int ttl = d.ttl != null ? d.ttl : v6 ? 64 : 255;
        int maxHops = d.maxHops;
        if (maxHops > ttl) {
            ctx.error(block, null, "BFD instance " + name + ": max_hops exceeds ttl/hoplimit - setting to ttl/hoplimit");
            maxHops = ttl;
        }
        boolean both = !d.vrrp && !d.checker;
        return new BfdInstanceConfig(name, block.location(), d.neighbor, d.source, d.minRx, d.minTx, d.idleTx,
                d.multiplier, d.passive, ttl, maxHops, d.weight, d.reverse, both || d.vrrp, both || d.checker);
    }
}
