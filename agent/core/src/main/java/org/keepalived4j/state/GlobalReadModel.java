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
        SmtpConfig m = g.smtp();
        MailSettings mail = new MailSettings(m.server(), m.port(), m.heloName(),
                VrrpReadModel.micros(m.connectTimeoutMicros()), m.from(), m.recipients(), m.alert(), m.alertVrrp(),
                m.alertChecker(), !m.noEmailFaults());
        SnmpGlobalConfig s = g.snmp();
        return new GlobalSettings(g.routerId(), mail, s.enableTraps(), s.enableVrrp(), s.enableChecker(),
                s.enableRfc() || s.enableRfcV2(), s.enableRfc() || s.enableRfcV3(), s.socket(), g.linkbeatUsePolling(),
                g.lvsFlush(), g.lvsFlushOnStop().name().toLowerCase(java.util.Locale.ROOT), g.netNamespace(), g.dynamicInterfaces(), g.scriptUser(),
                g.enableScriptSecurity());
    }
}
