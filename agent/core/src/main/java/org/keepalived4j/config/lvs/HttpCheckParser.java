package org.keepalived4j.config.lvs;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import org.keepalived4j.config.HttpUrlConfig;
import org.keepalived4j.config.keyword.Args;
import org.keepalived4j.config.keyword.KeywordTable;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The keywords of HTTP_GET and SSL_GET and their url blocks (keepalived 2.2.7's check_http). */
final class HttpCheckParser {

    private static final Logger LOG = LoggerFactory.getLogger(HttpCheckParser.class);
    static final Set<String> REGEX_OPTIONS = Set.of("allow_empty_class", "alt_bsux", "auto_callout", "caseless",
            "dollar_endonly", "dotall", "dupnames", "extended", "firstline", "match_unset_backref", "multiline",
            "never_ucp", "never_utf", "no_auto_capture", "no_auto_possess", "no_dotstar_anchor", "no_start_optimize",
            "ucp", "ungreedy", "utf", "never_backslash_c", "alt_circumflex", "alt_verbnames", "use_offset_limit");

    private static final KeywordTable<UrlDraft> URL = new KeywordTable<UrlDraft>()
            .line("path", (u, n, c) -> u.path = VirtualServerParser.orKeep(new LvsArgs(n, c).required(0), u.path))
            .line("digest", HttpCheckParser::digest)
            .line("status_code", HttpCheckParser::statusCode)
            .line("virtualhost", (u, n, c) -> u.virtualhost = VirtualServerParser.text(n, c,
                    "Missing HTTP_GET virtualhost name", u.virtualhost))
            .line("regex", (u, n, c) -> u.regex = n.args().size() == 1 ? n.arg(0) : logged(u.regex,
                    "regex missing or too many fields"))
            .line("regex_no_match", (u, n, c) -> u.regexNoMatch = true)
            .line("regex_options", (u, n, c) -> n.args().stream().filter(REGEX_OPTIONS::contains)
                    .forEach(u.regexOptions::add))
            .line("regex_min_offset", (u, n, c) -> u.regexMinOffset = offset(n, "min"))
            .line("regex_max_offset", (u, n, c) -> u.regexMaxOffset = offset(n, "max") + 1)
            .line("regex_stack", (u, n, c) -> { });

    private HttpCheckParser() {
    }

    static KeywordTable<CheckerDraft> install(KeywordTable<CheckerDraft> t) {
        return t.deprecated("nb_get_retry", "retry", (ck, n, c) -> ck.retry = VirtualServerParser.toInt(
                        new LvsArgs(n, c).unsigned(0, 0, LvsArgs.UINT_MAX, "Invalid nb_get_retry value '" + n.arg(0)
                                + "'"), ck.retry))
                .line("virtualhost", (ck, n, c) -> ck.virtualhost = VirtualServerParser.text(n, c,
                        "HTTP_GET virtualhost name missing", ck.virtualhost))
                .line("http_protocol", HttpCheckParser::httpProtocol)
                .line("enable_sni", (ck, n, c) -> ck.enableSni = VirtualServerParser.orKeep(new LvsArgs(n, c)
                        .optionalBool("Invalid enable_sni parameter " + n.arg(0)), ck.enableSni))
                .line("fast_recovery", (ck, n, c) -> ck.fastRecovery = VirtualServerParser.orKeep(new LvsArgs(n, c)
                        .optionalBool("Invalid fast_recovery parameter " + n.arg(0)), ck.fastRecovery))
                .block("url", HttpCheckParser::url);
    }

    private static void url(CheckerDraft ck, ConfigNode node, ParseContext ctx) {
        UrlDraft url = new UrlDraft();
        URL.apply(url, node.children(), ctx);
        if (url.path == null) {
            ctx.error(node, "HTTP/SSL_GET checker url has no path - ignoring");
            return;
        }
        if (url.regex == null && (url.regexNoMatch || url.regexMinOffset != 0 || url.regexMaxOffset != 0
                || !url.regexOptions.isEmpty())) {
            LOG.info("{} regex parameters specified without regex", node.location());
            url.regexNoMatch = false;
            url.regexMinOffset = 0;
            url.regexMaxOffset = 0;
            url.regexOptions.clear();
        }
        if (url.regexMaxOffset != 0 && url.regexMinOffset >= url.regexMaxOffset) {
            LOG.info("{} regex min offset {} > regex_max_offset {} - ignoring", node.location(), url.regexMinOffset,
                    url.regexMaxOffset - 1);
            url.regexMinOffset = 0;
            url.regexMaxOffset = 0;
        }
        if (url.regex != null && !compiles(url)) {
            url.regex = null;
        }
        ck.urls.add(url);
    }

    private static boolean compiles(UrlDraft url) {
        try {
            url.build().compiledRegex();
            return true;
        } catch (PatternSyntaxException e) {
            LOG.info("Invalid regex: '{}': {}", url.regex, e.getDescription());
            return false;
        }
    }

    private static void digest(UrlDraft url, ConfigNode n, ParseContext c) {
        String digest = new LvsArgs(n, c).required(0);
        if (digest == null) {
            return;
        }
        if (url.digest != null) {
            c.error(n, "Digest '" + digest + "' is a duplicate");
            return;
        }
        if (digest.length() != 32) {
            c.error(n, "digest '" + digest + "' character length should be 32 rather than " + digest.length());
            return;
        }
        for (int i = 30; i >= 0; i -= 2) {
            if (!HexFormat.isHexDigit(digest.charAt(i)) || !HexFormat.isHexDigit(digest.charAt(i + 1))) {
                c.error(n, "Unable to interpret hex digit in '" + digest + "' at offset " + i + "/" + (i + 1));
                return;
            }
        }
        url.digest = digest.toLowerCase(Locale.ROOT);
    }

    private static void statusCode(UrlDraft url, ConfigNode n, ParseContext c) {
        for (String word : n.args()) {
            int dash = word.indexOf('-', 1);
            Long min = Args.parseInteger(dash < 0 ? word : word.substring(0, dash));
            Long max = dash < 0 ? min : Args.parseInteger(word.substring(dash + 1));
            if (min == null || max == null || min < 100 || max > 599 || min > max) {
                c.error(n, "Invalid HTTP_GET status code '" + word + "'");
                continue;
            }
            url.statusCodes.add(new HttpUrlConfig.StatusRange(min.intValue(), max.intValue()));
        }
    }

    private static void httpProtocol(CheckerDraft ck, ConfigNode n, ParseContext c) {
        if (n.args().isEmpty()) {
            c.error(n, "Missing http_protocol version");
            return;
        }
        switch (n.arg(0)) {
            case "1.0" -> ck.httpProtocol = "1.0";
            case "1.1" -> ck.httpProtocol = "1.1";
            case "1.0C", "1.0c" -> ck.httpProtocol = "1.0C";
            default -> c.error(n, "Invalid http_protocol version " + n.arg(0));
        }
    }

    private static long offset(ConfigNode n, String type) {
        if (n.args().size() != 1) {
            LOG.info("{} Missing or too may options for regex_{}_offset", n.location(), type);
            return 0;
        }
        Long value = Args.parseInteger(n.arg(0));
        if (value == null || value < 0) {
            LOG.info("{} Invalid regex_{}_offset {} specified", n.location(), type, n.arg(0));
            return 0;
        }
        return value;
    }

    private static String logged(String previous, String message) {
        LOG.info(message);
        return previous;
    }
}
