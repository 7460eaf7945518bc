package org.keepalived4j.config.lvs;

import java.util.Map;
import org.keepalived4j.config.keyword.KeywordTable;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.keyword.ScriptLines;
import org.keepalived4j.config.read.ConfigNode;

/** The checker blocks a real server may contain, and the keywords common to them. */
final class CheckerParsers {

    private static final Map<String, String> DNS_TYPES = Map.of("A", "A", "NS", "NS", "CNAME", "CNAME", "SOA", "SOA",
            "MX", "MX", "TXT", "TXT", "AAAA", "AAAA");

    private static final KeywordTable<CheckerDraft> TCP = common(new KeywordTable<>(), true);
    private static final KeywordTable<CheckerDraft> PING = common(new KeywordTable<>(), true);
    private static final KeywordTable<CheckerDraft> SMTP = common(new KeywordTable<>(), true)
            .line("helo_name", (ck, n, c) -> ck.heloName = VirtualServerParser.text(n, c,
                    "SMTP_CHECK helo name missing", ck.heloName))
            .block("host", (ck, n, c) -> common(new KeywordTable<>(), true).apply(ck, n.children(), c));
    private static final KeywordTable<CheckerDraft> DNS = common(new KeywordTable<>(), true)
            .line("type", CheckerParsers::dnsType)
            .line("name", (ck, n, c) -> ck.dnsName = VirtualServerParser.orKeep(new LvsArgs(n, c).required(0),
                    ck.dnsName));
    private static final KeywordTable<CheckerDraft> UDP = UdpCheckParser.install(common(new KeywordTable<>(), true));
    private static final KeywordTable<CheckerDraft> MISC = MiscCheckParser.install(common(new KeywordTable<>(), false));
    private static final KeywordTable<CheckerDraft> HTTP = HttpCheckParser.install(common(new KeywordTable<>(), true));
    private static final KeywordTable<CheckerDraft> FILE = new KeywordTable<CheckerDraft>()
            .line("track_file", CheckerParsers::trackFile)
            .line("weight", CheckerParsers::fileWeight);
    private static final KeywordTable<CheckerDraft> BFD = new KeywordTable<CheckerDraft>()
            .line("name", (ck, n, c) -> ck.bfdName = n.args().size() == 1 ? n.arg(0) : ck.bfdName);

    private CheckerParsers() {
    }

    static void install(KeywordTable<RealServerDraft> rs) {
        rs.block("TCP_CHECK", (r, n, c) -> checker(r, n, c, TCP))
                .block("PING_CHECK", (r, n, c) -> checker(r, n, c, PING))
                .block("SMTP_CHECK", (r, n, c) -> checker(r, n, c, SMTP))
                .block("DNS_CHECK", (r, n, c) -> checker(r, n, c, DNS))
                .block("UDP_CHECK", (r, n, c) -> checker(r, n, c, UDP))
                .block("MISC_CHECK", (r, n, c) -> checker(r, n, c, MISC))
                .block("HTTP_GET", (r, n, c) -> checker(r, n, c, HTTP))
                .block("SSL_GET", (r, n, c) -> checker(r, n, c, HTTP))
                .block("FILE_CHECK", (r, n, c) -> checker(r, n, c, FILE))
                .block("BFD_CHECK", (r, n, c) -> checker(r, n, c, BFD));
    }

    private static void checker(RealServerDraft rs, ConfigNode node, ParseContext ctx, KeywordTable<CheckerDraft> t) {
        CheckerDraft ck = new CheckerDraft(node.keyword(), node.location(), node.end());
        t.apply(ck, node.children(), ctx);
        if (complete(ck, node, ctx, rs)) {
            rs.checkers.add(ck);
        }
    }

    /** keepalived's end-of-block checks: a checker missing what it needs is dropped. */
    private static boolean complete(CheckerDraft ck, ConfigNode node, ParseContext ctx, RealServerDraft rs) {
        switch (ck.type) {
            case "HTTP_GET", "SSL_GET" -> {
                if (ck.urls.isEmpty()) {
                    ctx.errorAtEnd(node, null, "HTTP/SSL_GET checker has no urls specified - ignoring");
                    return false;
                }
            }
            case "MISC_CHECK" -> {
                if (ck.userFailed) {
                    return false;
                }
                if (ck.miscPath == null) {
                    ctx.errorAtEnd(node, null, "No script path has been specified for MISC_CHECKER - skipping");
                    return false;
                }
                if (!ctx.scriptUserUsable(ck.user, node.end())) {
                    StringBuilder words = new StringBuilder();
                    for (String w : ScriptLines.words(ck.miscPath)) {
                        words.append(words.length() == 0 ? "'" : " '").append(w).append('\'');
                    }
                    ctx.errorAtEnd(node, null, "Unable to set default user for misc script " + words
                            + " - removing");
                    return false;
                }
            }
            case "FILE_CHECK" -> {
                if (ck.trackFile == null) {
                    ctx.errorAtEnd(node, null, "FILE_CHECK has no track_file specified - ignoring");
                    return false;
                }
            }
            case "BFD_CHECK" -> {
                if (ck.bfdName == null) {
                    ctx.error(node, "([" + rs.address.getHostAddress() + "]:" + rs.port
                            + ") BFD_CHECK - No or too many names specified - skipping checker");
                    return false;
                }
            }
            default -> {
                return true;
            }
        }
        return true;
    }

    /** The options of install_checker_common_keywords (with or without the connection ones). */
    static KeywordTable<CheckerDraft> common(KeywordTable<CheckerDraft> t, boolean connection) {
        if (connection) {
            t.line("connect_ip", CheckerParsers::connectIp)
                    .line("connect_port", (ck, n, c) -> ck.connectPort = VirtualServerParser.toInt(new LvsArgs(n, c)
                            .unsigned(0, 1, 65535, "Invalid checker connect_port '" + n.arg(0) + "'"), ck.connectPort))
                    .line("bindto", CheckerParsers::bindTo)
                    .line("bind_port", (ck, n, c) -> ck.bindPort = VirtualServerParser.toInt(new LvsArgs(n, c)
                            .unsigned(0, 1, 65535, "Invalid checker bind_port '" + n.arg(0) + "'"), ck.bindPort))
                    .line("bind_if", CheckerParsers::bindIf)
                    .line("connect_timeout", (ck, n, c) -> ck.connectTimeout = VirtualServerParser.orKeep(
                            new LvsArgs(n, c).timer(0, 1, LvsArgs.UINT_MAX, "connect_timeout invalid - ignoring"),
                            ck.connectTimeout))
                    .line("fwmark", (ck, n, c) -> ck.fwmark = VirtualServerParser.orKeep(new LvsArgs(n, c)
                            .unsigned(0, 0, LvsArgs.UINT_MAX, "Invalid fwmark connection value '" + n.arg(0) + "'"),
                            ck.fwmark));
        }
        return t.line("retry", (ck, n, c) -> ck.retry = VirtualServerParser.toInt(new LvsArgs(n, c).unsigned(0, 0,
                        LvsArgs.UINT_MAX, "Invalid retry connection value '" + n.arg(0) + "'"), ck.retry))
                .line("delay_before_retry", (ck, n, c) -> ck.delayBeforeRetry = VirtualServerParser.orKeep(
                        new LvsArgs(n, c).timer(0, 0, LvsArgs.TIMER_MAX, null), ck.delayBeforeRetry))
                .line("warmup", (ck, n, c) -> ck.warmup = VirtualServerParser.orKeep(new LvsArgs(n, c).timer(0, 0,
                        LvsArgs.TIMER_MAX, null), ck.warmup))
                .line("delay_loop", (ck, n, c) -> ck.delayLoop = VirtualServerParser.orKeep(new LvsArgs(n, c).timer(0,
                        1, LvsArgs.TIMER_MAX, "delay_loop is invalid - ignoring"), ck.delayLoop))
                .line("alpha", (ck, n, c) -> ck.alpha = VirtualServerParser.orKeep(new LvsArgs(n, c)
                        .optionalBool("Invalid alpha parameter " + n.arg(0)), ck.alpha))
                .line("log_all_failures", (ck, n, c) -> ck.logAllFailures = VirtualServerParser.orKeep(
                        new LvsArgs(n, c).optionalBool("Invalid log_all_failures parameter " + n.arg(0)),
                        ck.logAllFailures));
    }

    private static void connectIp(CheckerDraft ck, ConfigNode n, ParseContext c) {
        String text = new LvsArgs(n, c).required(0);
        if (text == null) {
            return;
        }
        var address = LvsArgs.address(text);
        if (address == null) {
            c.error(n, "Invalid connect_ip address " + text + " - ignoring");
        } else if (ck.bindTo != null && ck.bindTo.getClass() != address.getClass()) {
            c.error(n, "connect_ip address " + text + " does not match address family of bindto - skipping");
        } else {
            ck.connectIp = address;
        }
    }

    private static void bindTo(CheckerDraft ck, ConfigNode n, ParseContext c) {
        String text = new LvsArgs(n, c).required(0);
        if (text == null) {
            return;
        }
        var address = LvsArgs.address(text);
        if (address == null) {
            c.error(n, "Invalid bindto address " + text + " - ignoring");
        } else if (ck.connectIp != null && ck.connectIp.getClass() != address.getClass()) {
            c.error(n, "bindto address " + text + " does not match address family of connect_ip - skipping");
        } else {
            ck.bindTo = address;
        }
    }

    private static void bindIf(CheckerDraft ck, ConfigNode n, ParseContext c) {
        String name = new LvsArgs(n, c).required(0);
        if (name == null) {
            return;
        }
        if (name.length() > 15) {
            c.error(n, "Interface name " + name + " is too long - ignoring");
        } else {
            ck.bindInterface = name;
        }
    }

    private static void dnsType(CheckerDraft ck, ConfigNode n, ParseContext c) {
        String word = new LvsArgs(n, c).required(0);
        if (word == null) {
            return;
        }
        String type = DNS_TYPES.get(word.toUpperCase(java.util.Locale.ROOT));
        if (type == null) {
            c.error(n, "Unknown DNS check type " + word + " - ignoring");
        } else {
            ck.dnsType = type;
        }
    }

    private static void trackFile(CheckerDraft ck, ConfigNode n, ParseContext c) {
        String name = new LvsArgs(n, c).required(0);
        if (name != null) {
            ck.trackFile = name;
            ck.trackFileLocation = n.location();
        }
    }

    private static void fileWeight(CheckerDraft ck, ConfigNode n, ParseContext c) {
        if (n.args().isEmpty()) {
            c.error(n, "track file weight missing");
            return;
        }
        Long weight = new LvsArgs(n, c).signed(0, -2147483647, 2147483647,
                "weight for track file must be in [-2147483647..2147483647] inclusive. Ignoring...");
        if (weight == null) {
            return;
        }
        if (n.args().size() >= 2 && !n.arg(1).equals("reverse") && !n.arg(1).equals("noreverse")) {
            c.error(n, "unknown track file weight option " + n.arg(1) + " - ignoring");
            return;
        }
        ck.fileWeight = weight.intValue();
        ck.fileReverse = "reverse".equals(n.arg(1));
    }
}
