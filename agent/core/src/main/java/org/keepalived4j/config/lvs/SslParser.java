package org.keepalived4j.config.lvs;

import org.keepalived4j.config.SslConfig;
import org.keepalived4j.config.keyword.KeywordTable;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;

/** The top-level {@code SSL} block (password, ca, certificate, key). */
final class SslParser {

    /** The block's values while it is read. */
    static final class Draft {
        String password;
        String ca;
        String certificate;
        String key;
    }

    private static final KeywordTable<Draft> TABLE = new KeywordTable<Draft>()
            .line("password", (d, n, c) -> d.password = file(n, c, "password", d.password))
            .line("ca", (d, n, c) -> d.ca = file(n, c, "cafile", d.ca))
            .line("certificate", (d, n, c) -> d.certificate = file(n, c, "certfile", d.certificate))
            .line("key", (d, n, c) -> d.key = file(n, c, "keyfile", d.key));

    private SslParser() {
    }

    static SslConfig parse(ConfigNode node, ParseContext ctx, boolean replacing) {
        if (replacing) {
            ctx.error(node, "SSL context already specified - replacing");
        }
        Draft draft = new Draft();
        TABLE.apply(draft, node.children(), ctx);
        return new SslConfig(draft.password, draft.ca, draft.certificate, draft.key);
    }

    private static String file(ConfigNode n, ParseContext c, String type, String previous) {
        if (n.args().isEmpty()) {
            c.error(n, "SSL " + type + " missing");
            return previous;
        }
        if (previous != null) {
            c.error(n, "SSL " + type + " already specified - replacing");
        }
        return String.join(" ", n.args());
    }
}
