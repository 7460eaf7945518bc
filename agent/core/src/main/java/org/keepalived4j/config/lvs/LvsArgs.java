package org.keepalived4j.config.lvs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.keepalived4j.config.keyword.Args;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;

/**
 * Reads the arguments of LVS configuration lines with keepalived's number, timer, boolean and
 * address rules, and reports a problem the way its handlers do: one diagnostic at the line
 * naming the handler's complaint and the reason. A mandatory parameter that is missing stops
 * keepalived from reading the configuration; that is reported as fatal.
 */
final class LvsArgs {

    static final long UINT_MAX = 0xFFFF_FFFFL;
    /** keepalived's TIMER maximum for delays (ULONG_MAX - 1 microseconds); capped to what a long holds. */
    static final long TIMER_MAX = Long.MAX_VALUE;
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private final ConfigNode node;
    private final ParseContext ctx;

    LvsArgs(ConfigNode node, ParseContext ctx) {
        this.node = node;
        this.ctx = ctx;
    }

    boolean has(int index) {
        return index < node.args().size();
    }

    /** The argument; when missing, a fatal diagnostic as keepalived stops reading there. */
    String required(int index) {
        if (has(index)) {
            return node.args().get(index);
        }
        ctx.diagnostics().missingParameter(node.location(), node.words(), index);
        return null;
    }

    /** An unsigned integer in [min, max]; otherwise an error "{@code failMessage} - reason" and null. */
    Long unsigned(int index, long min, long max, String failMessage) {
        String text = required(index);
        if (text == null) {
            return null;
        }
        String problem = unsignedProblem(text, min, max);
        if (problem != null) {
            error(failMessage, problem);
            return null;
        }
        return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
    }

    /** A signed integer in [min, max]. */
    Long signed(int index, long min, long max, String failMessage) {
        String text = required(index);
        if (text == null) {
            return null;
        }
        Long value = Args.parseInteger(text);
        String problem = value == null ? "invalid number '" + text + "'"
                : value < min || value > max ? "number '" + text + "' outside range [" + min + ", " + max + "]" : null;
        if (problem != null) {
            error(failMessage, problem);
            return null;
        }
        return value;
    }

    /** A TIMER (seconds with up to 6 decimals) in microseconds within [min, max]. */
    Long timer(int index, long minMicros, long maxMicros, String failMessage) {
        String text = required(index);
        if (text == null) {
            return null;
        }
        if (text.startsWith("-")) {
            error(failMessage, "negative number '" + text + "'");
            return null;
        }
        Long value = Args.parseMicros(text);
        if (value == null) {
            error(failMessage, "invalid number '" + text + "'");
            return null;
        }
        if (value < minMicros || value > maxMicros) {
            error(failMessage, "number '" + text + "' outside range [" + Args.formatMicros(minMicros) + ", "
                    + (maxMicros == TIMER_MAX ? "max" : Args.formatMicros(maxMicros)) + "]");
            return null;
        }
        return value;
    }

    /** keepalived's optional {@code [<BOOL>]}: absent is true; an unknown word an error and null. */
    Boolean optionalBool(String failMessage) {
        if (!has(0)) {
            return Boolean.TRUE;
        }
        Boolean value = Args.parseBool(node.args().get(0));
        if (value == null) {
            ctx.error(node, failMessage);
        }
        return value;
    }

    /** The text of every argument from {@code from} on, joined by spaces (keepalived's set_value). */
    String joined(int from) {
        return String.join(" ", node.args().subList(Math.min(from, node.args().size()), node.args().size()));
    }

    void error(String message) {
        ctx.error(node, message);
    }

    void warning(String message) {
        ctx.warning(node, message);
    }

    private void error(String failMessage, String problem) {
        ctx.error(node, failMessage == null ? problem : failMessage + " - " + problem);
    }

    static String unsignedProblem(String text, long min, long max) {
        if (text.startsWith("-")) {
            return "negative number '" + text + "'";
        }
        Long value = Args.parseInteger(text);
        if (value == null) {
            return "invalid number '" + text + "'";
        }
        if (value > UINT_MAX) {
            return "number '" + text + "' outside unsigned integer range";
        }
        if (value < min || value > max) {
            return "number '" + text + "' outside range [" + min + ", " + max + "]";
        }
        return null;
    }

    /**
     * A numeric IPv4 or IPv6 address (never a host name: nothing is looked up), or {@code null}.
     * A scope ({@code %eth0}) is kept for IPv6.
     */
    static InetAddress address(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        var m = IPV4.matcher(text);
        if (m.matches()) {
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(m.group(i + 1));
                if (part > 255) {
                    return null;
                }
                b[i] = (byte) part;
            }
            return byAddress(b);
        }
        String bare = text.contains("%") ? text.substring(0, text.indexOf('%')) : text;
        if (!bare.contains(":") || !IPV6.matcher(bare).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    private static InetAddress byAddress(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A port argument as keepalived reads a server's port: 0 or absent means none. */
    static Integer port(String text) {
        if (text == null) {
            return 0;
        }
        Long value = Args.parseInteger(text);
        if (value == null || value < 0 || value > 65535) {
            return null;
        }
        return value.intValue();
    }
}
