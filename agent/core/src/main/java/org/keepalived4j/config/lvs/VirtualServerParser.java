package org.keepalived4j.config.lvs;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.keepalived4j.config.ForwardingConfig;
import org.keepalived4j.config.NotifyScript;
import org.keepalived4j.config.keyword.KeywordTable;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.keyword.ScriptLines;
import org.keepalived4j.config.read.ConfigNode;

/** The keywords of a {@code virtual_server} block (keepalived 2.2.7's check_parser). */
final class VirtualServerParser {

    private static final Set<String> SCHEDULERS =
            Set.of("rr", "wrr", "lc", "wlc", "lblc", "sh", "mh", "dh", "fo", "ovf", "lblcr", "sed", "nq", "twos");
    static final int F_ONEPACKET = 0x0004;
    static final int F_SCHED1 = 0x0008;
    static final int F_SCHED2 = 0x0010;
    static final int F_SCHED3 = 0x0020;

    static final KeywordTable<VirtualServerDraft> TABLE = new KeywordTable<VirtualServerDraft>()
            .line("ip_family", VirtualServerParser::ipFamily)
            .line("retry", (vs, n, c) -> vs.retry = toInt(new LvsArgs(n, c).unsigned(0, 1, LvsArgs.UINT_MAX,
                    "retry value invalid"), vs.retry))
            .line("delay_before_retry", (vs, n, c) -> vs.delayBeforeRetry = orKeep(new LvsArgs(n, c).timer(0, 0,
                    LvsArgs.TIMER_MAX, "virtual server delay before retry invalid - ignoring"), vs.delayBeforeRetry))
            .line("warmup", (vs, n, c) -> vs.warmup = orKeep(new LvsArgs(n, c).timer(0, 0, LvsArgs.TIMER_MAX,
                    null), vs.warmup))
            .line("connect_timeout", (vs, n, c) -> vs.connectTimeout = orKeep(new LvsArgs(n, c).timer(0, 1,
                    LvsArgs.UINT_MAX, "virtual server connect_timeout invalid - ignoring"), vs.connectTimeout))
            .line("delay_loop", (vs, n, c) -> vs.delayLoop = orKeep(new LvsArgs(n, c).timer(0, 1, LvsArgs.TIMER_MAX,
                    "virtual server delay loop invalid - ignoring"), vs.delayLoop))
            .line("inhibit_on_failure", (vs, n, c) -> vs.inhibit = true)
            .line("lb_algo", VirtualServerParser::scheduler)
            .line("lvs_sched", VirtualServerParser::scheduler)
            .line("hashed", VirtualServerParser::schedulerFlag)
            .line("ops", VirtualServerParser::schedulerFlag)
            .line("flag-1", VirtualServerParser::schedulerFlag)
            .line("flag-2", VirtualServerParser::schedulerFlag)
            .line("flag-3", VirtualServerParser::schedulerFlag)
            .line("sh-port", VirtualServerParser::schedulerFlag)
            .line("sh-fallback", VirtualServerParser::schedulerFlag)
            .line("mh-port", VirtualServerParser::schedulerFlag)
            .line("mh-fallback", VirtualServerParser::schedulerFlag)
            .line("lb_kind", (vs, n, c) -> vs.forwarding = forwarding(n, c, "virtual", vs.forwarding))
            .line("lvs_method", (vs, n, c) -> vs.forwarding = forwarding(n, c, "virtual", vs.forwarding))
            .line("persistence_engine", VirtualServerParser::persistenceEngine)
            .line("persistence_timeout", VirtualServerParser::persistenceTimeout)
            .line("persistence_granularity", VirtualServerParser::persistenceGranularity)
            .line("protocol", VirtualServerParser::protocol)
            .line("ha_suspend", (vs, n, c) -> vs.haSuspend = true)
            .line("smtp_alert", (vs, n, c) -> vs.smtpAlert = orKeep(new LvsArgs(n, c).optionalBool(
                    "Invalid virtual_server smtp_alert parameter " + n.arg(0)), vs.smtpAlert))
            .line("virtualhost", (vs, n, c) -> vs.virtualhost = text(n, c, "virtual server virtualhost missing",
                    vs.virtualhost))
            .line("snmp_name", (vs, n, c) -> vs.snmpName = snmpName(n, c, "virtual server", vs.snmpName))
            .line("alpha", (vs, n, c) -> vs.alpha = true)
            .line("omega", (vs, n, c) -> vs.omega = true)
            .line("quorum_up", (vs, n, c) -> vs.quorumUp = script(n, c, vs.quorumUp, "quorum_up"))
            .line("quorum_down", (vs, n, c) -> vs.quorumDown = script(n, c, vs.quorumDown, "quorum_down"))
            .line("quorum", VirtualServerParser::quorum)
            .line("hysteresis", (vs, n, c) -> vs.hysteresis = orKeep(new LvsArgs(n, c).unsigned(0, 0, LvsArgs.UINT_MAX,
                    "Hysteresis " + n.arg(0) + " must be in [0, 4294967295] - ignoring"), vs.hysteresis))
            .line("weight", (vs, n, c) -> vs.weight = toInt(new LvsArgs(n, c).unsigned(0, 1, Integer.MAX_VALUE,
                    "Virtual server weight " + n.arg(0) + " is outside range 1-2147483647"), vs.weight))
            .line("sorry_server", VirtualServerParser::sorryServer)
            .line("sorry_server_inhibit", VirtualServerParser::sorryInhibit)
            .line("sorry_server_lvs_method", VirtualServerParser::sorryForwarding)
            .block("real_server", RealServerParser::realServer);

    private VirtualServerParser() {
    }

    /** Reads {@code virtual_server <IP> [<PORT>] | fwmark <N> | group <NAME> { ... }}; null if skipped. */
    static VirtualServerDraft parse(ConfigNode node, ParseContext ctx) {
        LvsArgs args = new LvsArgs(node, ctx);
        String first = args.required(0);
        if (first == null) {
            return null;
        }
        VirtualServerDraft vs = new VirtualServerDraft(node.location());
        if (first.equals("group")) {
            vs.groupName = args.required(1);
            if (vs.groupName == null) {
                return null;
            }
        } else if (first.equals("fwmark")) {
            Long mark = args.unsigned(1, 0, LvsArgs.UINT_MAX,
                    "virtual server fwmark '" + node.arg(1) + "' must be in [0, 4294967295] - ignoring");
            if (mark == null) {
                return null;
            }
            vs.fwmark = mark;
        } else {
            InetAddress address = LvsArgs.address(first);
            Integer port = LvsArgs.port(node.arg(1));
            if (address == null || port == null) {
                ctx.error(node, "Invalid virtual server IP address" + (node.arg(1) != null ? "/port " : " ") + first
                        + (node.arg(1) != null ? "/" + node.arg(1) : "") + " - skipping");
                return null;
            }
            vs.address = address;
            vs.port = port;
            vs.family = address.getAddress().length == 4 ? 4 : 6;
        }
        TABLE.apply(vs, node.children(), ctx);
        return vs;
    }

    private static void ipFamily(VirtualServerDraft vs, ConfigNode n, ParseContext c) {
        String word = new LvsArgs(n, c).required(0);
        if (word == null) {
            return;
        }
        int family = word.equals("inet") ? 4 : word.equals("inet6") ? 6 : 0;
        if (family == 0) {
            c.error(n, "unknown address family " + word);
        } else if (vs.family != 0 && vs.family != family) {
            c.error(n, "Virtual server specified family " + word + " conflicts with server family");
        } else {
            vs.family = family;
        }
    }

    private static void scheduler(VirtualServerDraft vs, ConfigNode n, ParseContext c) {
        String name = new LvsArgs(n, c).required(0);
        if (name == null) {
            return;
        }
        if (!SCHEDULERS.contains(name)) {
            c.error(n, "Invalid lvs_scheduler '" + name + "' - ignoring");
            return;
        }
        vs.scheduler = name;
    }

    private static void schedulerFlag(VirtualServerDraft vs, ConfigNode n, ParseContext c) {
        String flag = n.keyword();
        switch (flag) {
            case "ops" -> vs.flags |= F_ONEPACKET;
            case "flag-1" -> vs.flags |= F_SCHED1;
            case "flag-2" -> vs.flags |= F_SCHED2;
            case "flag-3" -> vs.flags |= F_SCHED3;
            default -> {
                String prefix = flag.startsWith("sh-") ? "sh" : flag.startsWith("mh-") ? "mh" : null;
                if (prefix == null || !prefix.equals(vs.scheduler)) {
                    c.error(n, flag + " only applies to sh scheduler - ignoring");
                } else {
                    vs.flags |= flag.endsWith("-port") ? F_SCHED2 : F_SCHED1;
                }
            }
        }
    }

    /** {@code NAT|DR|TUN [type ipip|gue|gre] [port N] [nocsum|csum|remcsum]}; the previous value on error. */
    static ForwardingConfig forwarding(ConfigNode n, ParseContext c, String serverType, ForwardingConfig previous) {
        LvsArgs args = new LvsArgs(n, c);
        String method = args.required(0);
        if (method == null) {
            return previous;
        }
        if (!List.of("NAT", "DR", "TUN").contains(method)) {
            c.error(n, "PARSER : unknown [" + method + "] routing method for " + serverType + " server.");
            return previous;
        }
        String type = "ipip";
        String checksum = "nocsum";
        int port = 0;
        List<String> words = n.args();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("type") || word.equals("port")) {
                if (i + 1 == words.size()) {
                    c.error(n, word.equals("type") ? "Missing tunnel type for " + serverType + " server."
                            : "Missing port for " + serverType + " server gue tunnel.");
                    return previous;
                }
                String value = words.get(++i);
                if (word.equals("type") && !List.of("ipip", "gue", "gre").contains(value)) {
                    c.error(n, "Unknown tunnel type " + value + " for " + serverType + " server.");
                    return previous;
                }
                if (word.equals("type")) {
                    type = value;
                } else if (LvsArgs.unsignedProblem(value, 1, 65535) != null) {
                    c.error(n, "Invalid gue tunnel port " + value + " for " + serverType + " server.");
                    return previous;
                } else {
                    port = Integer.parseInt(value);
                }
            } else if (List.of("nocsum", "csum", "remcsum").contains(word)) {
                checksum = word;
            } else {
                c.error(n, "Invalid tunnel option " + word + " for " + serverType + " server.");
                return previous;
            }
        }
        if (type.equals("gue") != (port != 0)) {
            c.error(n, "gue tunnels require port, otherwise cannot have port.");
            return previous;
        }
        if (type.equals("ipip") && !checksum.equals("nocsum")) {
            c.error(n, "ipip tunnels do not support checksum option.");
            return previous;
        }
        if (type.equals("gre") && checksum.equals("remcsum")) {
            c.error(n, "gre tunnels do not support remote checksum option.");
            return previous;
        }
        return method.equals("TUN") ? new ForwardingConfig("TUN", type, port, checksum)
                : new ForwardingConfig(method, null, 0, null);
    }

    private static void persistenceEngine(VirtualServerDraft vs, ConfigNode n, ParseContext c) {
        String name = new LvsArgs(n, c).required(0);
        if (name != null) {
            if (name.length() > 15) {
                c.error(n, "persistence_name too long, truncating - " + name);
                name = name.substring(0, 15);
            }
            vs.persistenceEngine = name;
        }
    }

    private static void persistenceTimeout(VirtualServerDraft vs, ConfigNode n, ParseContext c) {
        if (n.args().isEmpty()) {
            vs.persistenceTimeout = VirtualServerDraft.PERSISTENT_TIMEOUT;
            return;
        }
        Long timeout = new LvsArgs(n, c).unsigned(0, 1, 2_678_400, "persistence_timeout invalid");
        if (timeout != null) {
            vs.persistenceTimeout = timeout;
        }
    }

    private static void persistenceGranularity(VirtualServerDraft vs, ConfigNode n, ParseContext c) {
        String text = new LvsArgs(n, c).required(0);
        if (text == null) {
            return;
        }
        int family = vs.family != 0 ? vs.family : text.contains(".") ? 4 : 6;
        if (family == 6) {
            Long prefix = new LvsArgs(n, c).unsigned(0, 1, 128,
                    "Invalid IPv6 persistence_granularity specified - " + text);
            if (prefix == null) {
                return;
            }
            vs.persistenceGranularity = prefix;
        } else {
            InetAddress mask = LvsArgs.address(text);
            if (mask == null || mask.getAddress().length != 4) {
                c.error(n, "Invalid IPv4 persistence_granularity specified - " + text);
                return;
            }
            vs.persistenceGranularity = Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(mask.getAddress()).getInt());
        }
        if (vs.family == 0) {
            vs.family = family;
        }
        if (vs.persistenceTimeout == 0) {
            vs.persistenceTimeout = VirtualServerDraft.PERSISTENT_TIMEOUT;
        }
    }

    private static void protocol(VirtualServerDraft vs, ConfigNode n, ParseContext c) {
        String word = new LvsArgs(n, c).required(0);
        if (word == null) {
            return;
        }
        switch (word.toUpperCase(java.util.Locale.ROOT)) {
            case "TCP" -> vs.protocol = "tcp";
            case "UDP" -> vs.protocol = "udp";
            case "SCTP" -> vs.protocol = "sctp";
            default -> c.error(n, "Unknown protocol " + word + " - ignoring");
        }
    }

    private static void quorum(VirtualServerDraft vs, ConfigNode n, ParseContext c) {
        Long quorum = new LvsArgs(n, c).unsigned(0, 1, LvsArgs.UINT_MAX,
                "Quorum " + n.arg(0) + " must be in [1, 4294967295]. Setting to 1.");
        if (n.args().isEmpty()) {
            return;
        }
        vs.quorum = quorum == null ? 1 : quorum;
    }

    private static void sorryServer(VirtualServerDraft vs, ConfigNode n, ParseContext c) {
        String text = new LvsArgs(n, c).required(0);
        if (text == null) {
            return;
        }
        InetAddress address = LvsArgs.address(text);
        Integer port = LvsArgs.port(n.arg(1));
        if (address == null || port == null) {
            c.error(n, "Invalid sorry server IP address " + text + " - skipping");
            return;
        }
        vs.sorryAddress = address;
        vs.sorryPort = port;
    }

    private static void sorryInhibit(VirtualServerDraft vs, ConfigNode n, ParseContext c) {
        if (vs.sorryAddress == null) {
            c.error(n, "Ignoring sorry_server inhibit used before or without sorry_server");
        } else {
            vs.sorryInhibit = true;
        }
    }

    private static void sorryForwarding(VirtualServerDraft vs, ConfigNode n, ParseContext c) {
        if (vs.sorryAddress == null) {
            c.error(n, "sorry_server forwarding used without sorry_server");
        } else {
            vs.sorryForwarding = forwarding(n, c, "sorry", vs.sorryForwarding);
        }
    }

    /** {@code SCRIPT [user [group]]}; the earlier script is kept if one was already given. */
    static NotifyScript script(ConfigNode n, ParseContext c, NotifyScript previous, String keyword) {
        String command = new LvsArgs(n, c).required(0);
        if (command == null) {
            return previous;
        }
        if (previous != null) {
            c.error(n, keyword + " script already specified - ignoring " + command);
            return previous;
        }
        if (!c.scriptUserUsable(n.arg(1), n.location())) {
            return null;
        }
        // keepalived's checker resolves the program as the VRRP side does (check_notify_script_secure)
        return new NotifyScript(ScriptLines.withResolvedProgram(command, c.probe()), n.arg(1), n.arg(2));
    }

    static String text(ConfigNode n, ParseContext c, String missing, String previous) {
        if (n.args().isEmpty()) {
            c.error(n, missing);
            return previous;
        }
        return String.join(" ", n.args());
    }

    static String snmpName(ConfigNode n, ParseContext c, String serverType, String previous) {
        if (n.args().size() != 1) {
            c.error(n, serverType + " snmp_name missing or extra parameters");
            return previous;
        }
        return n.arg(0);
    }

    static <T> T orKeep(T value, T previous) {
        return value != null ? value : previous;
    }

    static Integer toInt(Long value, Integer previous) {
        return value != null ? Integer.valueOf((int) Math.min(value, Integer.MAX_VALUE)) : previous;
    }
}
