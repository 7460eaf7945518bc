package org.keepalived4j.config.global;

import java.util.function.Function;
import org.keepalived4j.config.keyword.KeywordTable;

/** The top-level daemon keywords that may stand outside global_defs; they fill the global_defs draft. */
public final class DaemonKeywords {

    private DaemonKeywords() {
    }

    /**
     * Adds the daemon keywords to the top-level table.
     *
     * @param global the global_defs draft of the configuration the table's builder reads
     */
    public static <B> void register(KeywordTable<B> t, Function<B, GlobalDraft> global) {
        t.line("linkbeat_use_polling", (b, n, c) -> global.apply(b).linkbeatUsePolling = true)
                .line("namespace_with_ipsets", (b, n, c) -> { })
                .line("use_pid_dir", (b, n, c) -> { })
                .line("net_namespace", (b, n, c) -> {
                    if (n.args().isEmpty()) {
                        c.error(n, null, "net_namespace name missing - ignoring");
                    } else if (global.apply(b).netNamespace != null) {
                        c.error(n, null, "Duplicate net_namespace definition " + n.arg(0) + " - ignoring");
                    } else {
                        global.apply(b).netNamespace = n.arg(0);
                    }
                })
                .line("net_namespace_ipvs", (b, n, c) -> {
                    if (global.apply(b).netNamespaceIpvs != null) {
                        c.error(n, null, "Duplicate net_namespace_ipvs definition " + n.arg(0) + " - ignoring");
                    } else {
                        global.apply(b).netNamespaceIpvs = n.arg(0) == null ? "" : n.arg(0);
                    }
                })
                .line("instance", (b, n, c) -> {
                    if (n.args().isEmpty()) {
                        c.error(n, null, "instance name missing - ignoring");
                    } else if (global.apply(b).instanceName != null) {
                        c.error(n, null, "Duplicate instance definition " + n.arg(0) + " - ignoring");
                    } else {
                        global.apply(b).instanceName = n.arg(0);
                    }
                })
                .line("child_wait_time", (b, n, c) -> c.args(n).unsignedIn(0, 0, 0xFFFF_FFFFL, null,
                        "Invalid child_wait_time " + n.arg(0)));
    }
}
