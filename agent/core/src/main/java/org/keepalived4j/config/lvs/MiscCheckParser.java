package org.keepalived4j.config.lvs;

import org.keepalived4j.config.keyword.KeywordTable;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The keywords of MISC_CHECK. */
final class MiscCheckParser {

    private static final Logger LOG = LoggerFactory.getLogger(MiscCheckParser.class);

    private MiscCheckParser() {
    }

    static KeywordTable<CheckerDraft> install(KeywordTable<CheckerDraft> t) {
        return t.line("misc_path", (ck, n, c) -> {
            if (!n.args().isEmpty()) {
                ck.miscPath = String.join(" ", n.args());
            }
        })
                .line("misc_timeout", (ck, n, c) -> {
                    Long seconds = new LvsArgs(n, c).unsigned(0, 0, LvsArgs.UINT_MAX,
                            "Invalid misc_timeout value '" + n.arg(0) + "'");
                    if (seconds != null) {
                        ck.miscTimeout = seconds * 1_000_000L;
                    }
                })
                .line("misc_dynamic", (ck, n, c) -> ck.miscDynamic = true)
                .line("user", MiscCheckParser::user);
    }

    private static void user(CheckerDraft ck, ConfigNode n, ParseContext c) {
        String script = ck.miscPath == null ? "" : ck.miscPath;
        if (n.args().isEmpty()) {
            c.error(n, "No user specified for misc checker script '" + script + "'");
            return;
        }
        boolean userOk = c.probe().userExists(n.arg(0));
        boolean groupOk = n.arg(1) == null || c.probe().groupExists(n.arg(1));
        if (!userOk || !groupOk) {
            c.error(n, "Failed to set uid/gid for misc checker script " + script + " - removing");
            ck.userFailed = true;
            return;
        }
        ck.user = n.arg(0);
        ck.group = n.arg(1);
        LOG.debug("misc checker script {} runs as {}", script, ck.user);
    }
}
