package org.keepalived4j.state;

import org.keepalived4j.config.GlobalConfig;
import org.keepalived4j.config.SmtpConfig;
import org.keepalived4j.config.SnmpGlobalConfig;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.MailSettings;

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
                g.enableScriptSecurity());
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
