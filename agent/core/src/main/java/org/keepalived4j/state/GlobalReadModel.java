package org.keepalived4j.state;

import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.config.GlobalConfig;
import org.keepalived4j.config.NotifyFifoConfig;
import org.keepalived4j.config.NotifyScript;
import org.keepalived4j.config.SmtpConfig;
import org.keepalived4j.config.SnmpGlobalConfig;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.MailSettings;
import org.keepalived4j.model.NotifyFifoSettings;
import org.keepalived4j.model.ScriptLine;

/** How global_defs appear in the read model. */
public final class GlobalReadModel {

    private GlobalReadModel() {
    }

    public static GlobalSettings of(GlobalConfig g) {
        return of(g, false, null);
    }

    /**
     * global_defs with keepalived's command-line SNMP options applied: {@code -x} enables SNMP
     * for VRRP, the checkers and both RFC MIBs (not traps), {@code -A} names snmpd's AgentX
     * address over {@code snmp_socket}.
     */
    public static GlobalSettings of(GlobalConfig g, boolean snmpOption, String snmpSocketOption) {
        SmtpConfig m = g.smtp();
        MailSettings mail = new MailSettings(m.server(), m.port(), m.heloName(),
                VrrpReadModel.micros(m.connectTimeoutMicros()), m.from(), m.recipients(), m.alert(), m.alertVrrp(),
                m.alertChecker(), !m.noEmailFaults(), resolved(m.server()));
        SnmpGlobalConfig s = g.snmp();
        return new GlobalSettings(g.routerId(), mail, s.enableTraps(), snmpOption || s.enableVrrp(),
                snmpOption || s.enableChecker(), snmpOption || s.enableRfc() || s.enableRfcV2(),
                snmpOption || s.enableRfc() || s.enableRfcV3(), snmpSocketOption != null ? snmpSocketOption : s.socket(), g.linkbeatUsePolling(),
                g.lvsFlush(), g.lvsFlushOnStop().name().toLowerCase(java.util.Locale.ROOT), g.netNamespace(), g.dynamicInterfaces(), g.scriptUser(),
                g.enableScriptSecurity(), fifos(g));
    }

    /**
     * The notify FIFOs with a path, each script's user resolved as keepalived resolves it: its
     * own, else {@code script_user}; the FIFO's owner likewise (its line's user, else
     * {@code script_user}).
     */
    static List<NotifyFifoSettings> fifos(GlobalConfig g) {
        List<NotifyFifoSettings> out = new ArrayList<>(3);
        fifo(out, "notify_fifo", g.notifyFifo(), g);
        fifo(out, "vrrp_notify_fifo", g.vrrpNotifyFifo(), g);
        fifo(out, "lvs_notify_fifo", g.lvsNotifyFifo(), g);
        return out;
    }

    private static void fifo(List<NotifyFifoSettings> out, String keyword, NotifyFifoConfig f, GlobalConfig g) {
        if (f == null || f.path() == null) {
            return;
        }
        boolean own = f.user() != null;
        NotifyScript s = f.script();
        ScriptLine script = s == null ? null : VrrpReadModel.line(s.user() != null ? s
                : new NotifyScript(s.command(), g.scriptUser(), g.scriptGroup()));
        out.add(new NotifyFifoSettings(keyword, f.path(), own ? f.user() : g.scriptUser(),
                own ? f.group() : g.scriptGroup(), script, f.source()));
    }

    /**
     * The address {@code smtp_server} names, looked up now, at load, as keepalived does (a
     * literal address is itself, without a lookup); {@code null} when unset or unresolvable.
     */
    static String resolved(String server) {
        if (server == null || server.isEmpty()) {
            return null;
        }
        try {
            return java.net.InetAddress.getByName(server).getHostAddress();
        } catch (java.net.UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
