package org.keepalived4j.config.global;

import org.keepalived4j.config.NotifyFifoConfig;
import org.keepalived4j.config.NotifyScript;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.keyword.ScriptLines;
import org.keepalived4j.config.read.ConfigNode;

/** {@code notify_fifo}, {@code vrrp_notify_fifo}, {@code lvs_notify_fifo} and their {@code *_script} lines. */
final class NotifyFifos {

    private NotifyFifos() {
    }

    /** {@code [TYPE]notify_fifo FIFO [USER [GROUP]]}. */
    static NotifyFifoConfig fifo(ConfigNode n, ParseContext c, String type, NotifyFifoConfig previous) {
        if (n.args().isEmpty()) {
            c.error(n, null, "No " + type + "notify_fifo name specified");
            return previous;
        }
        if (previous != null && previous.path() != null) {
            c.error(n, null, type + "notify_fifo already specified - ignoring " + n.arg(0));
            return previous;
        }
        String user = n.arg(1);
        String group = n.arg(2);
        if (user != null && (!c.probe().userExists(user) || group != null && !c.probe().groupExists(group))) {
            c.info(n, null, "Invalid user/group for " + type + " fifo " + n.arg(0) + " - ignoring");
            return previous;
        }
        return new NotifyFifoConfig(n.arg(0), user, group, previous == null ? null : previous.script(),
                n.location().file() + ":" + n.location().line());
    }

    /** {@code [TYPE]notify_fifo_script COMMAND [USER [GROUP]]}. */
    static NotifyFifoConfig script(ConfigNode n, ParseContext c, String type, NotifyFifoConfig previous) {
        if (n.args().isEmpty()) {
            c.error(n, null, "No " + type + "notify_fifo_script specified");
            return previous;
        }
        if (previous != null && previous.script() != null) {
            c.error(n, null, type + "notify_fifo_script already specified - ignoring " + n.arg(0));
            return previous;
        }
        NotifyScript script = ScriptLines.notifyScript(n, c, null);
        return new NotifyFifoConfig(previous == null ? null : previous.path(), previous == null ? null : previous.user(),
                previous == null ? null : previous.group(), script, previous == null ? null : previous.source());
    }
}
