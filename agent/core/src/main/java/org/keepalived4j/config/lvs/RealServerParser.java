package org.keepalived4j.config.lvs;

import java.net.InetAddress;
import org.keepalived4j.config.keyword.KeywordTable;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;

/** The keywords of a {@code real_server} block. */
final class RealServerParser {

    static final KeywordTable<RealServerDraft> TABLE = new KeywordTable<RealServerDraft>()
            .line("weight", (rs, n, c) -> rs.weight = VirtualServerParser.toInt(new LvsArgs(n, c).unsigned(0, 0,
                    Integer.MAX_VALUE, "Real server weight " + n.arg(0) + " is outside range 0-2147483647"), rs.weight))
            .line("lvs_method", (rs, n, c) -> rs.forwarding = VirtualServerParser.forwarding(n, c, "real",
                    rs.forwarding))
            .line("uthreshold", (rs, n, c) -> rs.upperThreshold = VirtualServerParser.orKeep(new LvsArgs(n, c)
                    .unsigned(0, 0, LvsArgs.UINT_MAX, "Invalid real_server uthreshold '" + n.arg(0) + "' - ignoring"),
                    rs.upperThreshold))
            .line("lthreshold", (rs, n, c) -> rs.lowerThreshold = VirtualServerParser.orKeep(new LvsArgs(n, c)
                    .unsigned(0, 0, LvsArgs.UINT_MAX, "Invalid real_server lthreshold '" + n.arg(0) + "' - ignoring"),
                    rs.lowerThreshold))
            .line("inhibit_on_failure", (rs, n, c) -> rs.inhibit = VirtualServerParser.orKeep(new LvsArgs(n, c)
                    .optionalBool("Invalid inhibit_on_failure parameter " + n.arg(0)), rs.inhibit))
            .line("notify_up", (rs, n, c) -> rs.notifyUp = VirtualServerParser.script(n, c, rs.notifyUp, "notify_up"))
            .line("notify_down", (rs, n, c) -> rs.notifyDown = VirtualServerParser.script(n, c, rs.notifyDown,
                    "notify_down"))
            .line("alpha", (rs, n, c) -> rs.alpha = VirtualServerParser.orKeep(new LvsArgs(n, c)
                    .optionalBool("Invalid alpha parameter " + n.arg(0)), rs.alpha))
            .line("retry", (rs, n, c) -> rs.retry = VirtualServerParser.toInt(new LvsArgs(n, c).unsigned(0, 1,
                    LvsArgs.UINT_MAX, "retry value invalid"), rs.retry))
            .line("delay_before_retry", (rs, n, c) -> rs.delayBeforeRetry = VirtualServerParser.orKeep(new LvsArgs(n, c)
                    .timer(0, 0, LvsArgs.TIMER_MAX, "real server delay_before_retry invalid - ignoring"),
                    rs.delayBeforeRetry))
            .line("warmup", (rs, n, c) -> rs.warmup = VirtualServerParser.orKeep(new LvsArgs(n, c).timer(0, 0,
                    LvsArgs.TIMER_MAX, "real server warmup invalid - ignoring"), rs.warmup))
            .line("connect_timeout", (rs, n, c) -> rs.connectTimeout = VirtualServerParser.orKeep(new LvsArgs(n, c)
                    .timer(0, 1, LvsArgs.UINT_MAX, "real server connect_timeout invalid - ignoring"), rs.connectTimeout))
            .line("delay_loop", (rs, n, c) -> rs.delayLoop = VirtualServerParser.orKeep(new LvsArgs(n, c).timer(0, 1,
                    LvsArgs.TIMER_MAX, "real server delay_loop invalid - ignoring"), rs.delayLoop))
            .line("smtp_alert", (rs, n, c) -> rs.smtpAlert = VirtualServerParser.orKeep(new LvsArgs(n, c)
                    .optionalBool("Invalid real_server smtp_alert parameter " + n.arg(0)), rs.smtpAlert))
            .line("virtualhost", (rs, n, c) -> rs.virtualhost = VirtualServerParser.text(n, c,
                    "real server virtualhost missing", rs.virtualhost))
            .line("snmp_name", (rs, n, c) -> rs.snmpName = VirtualServerParser.snmpName(n, c, "real server",
                    rs.snmpName));

    static {
        CheckerParsers.install(TABLE);
    }

    private RealServerParser() {
    }

    /** {@code real_server <IP> [<PORT>] { ... }} inside a virtual server. */
    static void realServer(VirtualServerDraft vs, ConfigNode node, ParseContext ctx) {
        String text = new LvsArgs(node, ctx).required(0);
        if (text == null) {
            return;
        }
        InetAddress address = LvsArgs.address(text);
        Integer port = LvsArgs.port(node.arg(1));
        if (address == null || port == null) {
            ctx.error(node, "Invalid real server ip address/port " + text + "/" + node.arg(1) + " - skipping");
            return;
        }
        RealServerDraft rs = new RealServerDraft(node.location(), address, port);
        TABLE.apply(rs, node.children(), ctx);
        int family = address.getAddress().length == 4 ? 4 : 6;
        boolean tunnel = rs.forwarding != null ? rs.forwarding.method().equals("TUN")
                : vs.forwarding != null && vs.forwarding.method().equals("TUN");
        if (!tunnel) {
            if (vs.family == 0) {
                vs.family = family;
            } else if (vs.family != family) {
                ctx.errorAtEnd(node, null, "Address family of virtual server and real server " + address.getHostAddress()
                        + " don't match - skipping real server.");
                return;
            }
        }
        vs.realServers.add(rs);
    }
}
