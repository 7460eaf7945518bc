package org.keepalived4j.config;

import org.keepalived4j.config.keyword.KeywordTable;

/** The top-level daemon keywords that may stand outside global_defs. */
final class DaemonKeywords {

    private DaemonKeywords() {
    }

    static void register(KeywordTable<ConfigBuilder> t) {
        t.line("linkbeat_use_polling", (b, n, c) -> b.global().linkbeatUsePolling = true)
                .line("namespace_with_ipsets", (b, n, c) -> { })
                .line("use_pid_dir", (b, n, c) -> { })
                .line("net_namespace", (b, n, c) -> {
                    if (n.args().isEmpty()) {
                        c.error(n, null, "net_namespace name missing - ignoring");
                    } else if (b.global().netNamespace != null) {
                        c.error(n, null, "Duplicate net_namespace definition " + n.arg(0) + " - ignoring");
                    } else {
                        b.global().netNamespace = n.arg(0);
                    }
                })
                .line("net_namespace_ipvs", (b, n, c) -> {
                    if (b.global().netNamespaceIpvs != null) {
                        c.error(n, null, "Duplicate net_namespace_ipvs definition " + n.arg(0) + " - ignoring");
                    } else {
                        b.global().netNamespaceIpvs = n.arg(0) == null ? "" : n.arg(0);
                    }
                })
                .line("instance", (b, n, c) -> {
                    if (n.args().isEmpty()) {
                        c.error(n, null, "instance name missing - ignoring");
                    } else if (b.global().instanceName != null) {
                        c.error(n, null, "Duplicate instance definition " + n.arg(0) + " - ignoring");
                    } else {
                        b.global().instanceName = n.arg(0);
                    }
                })
                .line("child_wait_time", (b, n, c) -> c.args(n).unsignedIn(0, 0, 0xFFFF_FFFFL, null,
                        "Invalid child_wait_time " + n.arg(0)));
    }
}
