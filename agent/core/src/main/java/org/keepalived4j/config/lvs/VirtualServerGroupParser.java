package org.keepalived4j.config.lvs;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.config.VirtualServerGroupConfig;
import org.keepalived4j.config.VirtualServerGroupEntry;
import org.keepalived4j.config.keyword.Args;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;

/**
 * {@code virtual_server_group NAME { ... }}: each line is {@code IP[-LAST] [PORT]},
 * {@code IP/PREFIX [PORT]} or {@code fwmark N [inet|inet6]}.
 */
final class VirtualServerGroupParser {

    private VirtualServerGroupParser() {
    }

    /** The group, or null when it has no usable entry (keepalived then removes it). */
    static VirtualServerGroupConfig parse(ConfigNode node, ParseContext ctx) {
        String name = new LvsArgs(node, ctx).required(0);
        if (name == null) {
            return null;
        }
        List<VirtualServerGroupEntry> entries = new ArrayList<>();
        for (ConfigNode line : node.children()) {
            VirtualServerGroupEntry entry = line.keyword().equals("fwmark") ? fwmark(name, line, ctx) : range(line, ctx);
            if (entry != null) {
                entries.add(entry);
            }
        }
        if (entries.isEmpty()) {
            ctx.errorAtEnd(node, null, "virtual server group " + name + " has no entries - removing");
            return null;
        }
        return new VirtualServerGroupConfig(name, node.location(), entries);
    }

    private static VirtualServerGroupEntry fwmark(String group, ConfigNode line, ParseContext ctx) {
        Long mark = new LvsArgs(line, ctx).unsigned(0, 0, LvsArgs.UINT_MAX,
                "(" + group + "): fwmark '" + line.arg(0) + "' must be in [0, 4294967295] - ignoring");
        if (mark == null) {
            return null;
        }
        int family = 0;
        if (line.arg(1) != null) {
            family = line.arg(1).equals("inet") ? 4 : line.arg(1).equals("inet6") ? 6 : -1;
            if (family < 0) {
                ctx.error(line, "(" + group + "): fwmark '" + mark + "' family " + line.arg(1) + " unknown - ignoring");
                return null;
            }
        }
        return new VirtualServerGroupEntry(null, null, 0, mark, family);
    }

    private static VirtualServerGroupEntry range(ConfigNode line, ParseContext ctx) {
        String text = line.keyword();
        Integer port = LvsArgs.port(line.arg(0));
        int slash = text.indexOf('/');
        int dash = text.indexOf('-');
        String base = slash >= 0 ? text.substring(0, slash) : dash >= 0 ? text.substring(0, dash) : text;
        InetAddress first = LvsArgs.address(base);
        if (first == null || port == null) {
            ctx.error(line, "Invalid virtual server group IP address " + text + " "
                    + (line.arg(0) != null ? "/port/" + line.arg(0) : "") + " - skipping");
            return null;
        }
        int bits = first.getAddress().length * 8;
        BigInteger start = new BigInteger(1, first.getAddress());
        BigInteger end;
        if (slash >= 0) {
            Long prefix = Args.parseInteger(text.substring(slash + 1));
            if (prefix == null || prefix < 1 || prefix > bits) {
                ctx.error(line, "Invalid netmask - " + text + " - skipping");
                return null;
            }
            BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix.intValue()).subtract(BigInteger.ONE);
            if (!start.and(hostMask).equals(BigInteger.ZERO)) {
                ctx.error(line, "Address mask bits not empty - " + text + " - skipping");
                return null;
            }
            end = start.or(hostMask);
        } else if (dash >= 0) {
            String tail = text.substring(dash + 1);
            boolean fullEnd = bits == 32 ? tail.contains(".") : tail.contains(":");
            if (fullEnd) {
                InetAddress last = LvsArgs.address(tail);
                if (last == null || last.getAddress().length != first.getAddress().length) {
                    ctx.error(line, last == null ? "Invalid range end " + text + " - skipping"
                            : "Range address families do not match " + text + " - skipping");
                    return null;
                }
                end = new BigInteger(1, last.getAddress());
                if (end.compareTo(start) < 0) {
                    ctx.error(line, "Address range end is less than address range start - " + text + " - skipping");
                    return null;
                }
            } else {
                Long last = bits == 32 ? Args.parseInteger(tail) : parseHex(tail);
                long lastMax = bits == 32 ? 255 : 0xffff;
                long startLow = start.longValue() & lastMax;
                if (last == null || last > lastMax || startLow >= last) {
                    ctx.error(line, "Address range end is not greater than address range start - " + text
                            + " - skipping");
                    return null;
                }
                end = start.andNot(BigInteger.valueOf(lastMax)).or(BigInteger.valueOf(last));
            }
        } else {
            end = start;
        }
        return new VirtualServerGroupEntry(first, VirtualServerGroupEntry.address(end, bits / 8), port, 0, 0);
    }

    private static Long parseHex(String text) {
        try {
            return Long.parseLong(text, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
