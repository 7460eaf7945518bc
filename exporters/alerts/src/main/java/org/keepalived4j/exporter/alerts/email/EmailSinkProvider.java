package org.keepalived4j.exporter.alerts.email;

import java.util.List;
import org.keepalived4j.exporter.alerts.AlertSink;
import org.keepalived4j.exporter.alerts.AlertSinkProvider;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.Settings;

/** The {@code email} sink: keepalived's {@code smtp_alert} mail, when {@code global_defs} names a server and recipients. */
public final class EmailSinkProvider implements AlertSinkProvider {

    @Override
    public String kind() {
        return "email";
    }

    @Override
    public List<AlertSink> create(GlobalSettings globals, Settings alertsBlock, List<String> problems) {
        EmailSettings settings = EmailSettings.of(globals.mail(), alertsBlock, problems);
        return settings == null ? List.of() : List.of(new EmailSink(settings));
    }

    /**
     * For {@code -t}: the {@code email} block's own keywords (whether {@code global_defs} names a
     * server and recipients is keepalived's business: it mails nothing without them).
     */
    @Override
    public void validate(Settings alertsBlock, List<String> problems) {
        EmailSettings.block(alertsBlock, problems);
    }
}
