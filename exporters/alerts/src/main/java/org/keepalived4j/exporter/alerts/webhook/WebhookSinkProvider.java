package org.keepalived4j.exporter.alerts.webhook;

import org.keepalived4j.exporter.alerts.AlertTls;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.keepalived4j.exporter.alerts.AlertSink;
import org.keepalived4j.exporter.alerts.AlertSinkProvider;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code webhook} sinks: one per {@code webhook [NAME] { ... }} block of {@code keepalived4j_alerts}. */
public final class WebhookSinkProvider implements AlertSinkProvider {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSinkProvider.class);

    @Override
    public String kind() {
        return WebhookSettings.KIND;
    }

    @Override
    public List<AlertSink> create(GlobalSettings globals, Settings alertsBlock, List<String> problems) {
        List<AlertSink> sinks = new ArrayList<>();
        for (WebhookSettings s : WebhookSettings.all(alertsBlock, problems)) {
            SSLContext tls = tls(s, problems);
            if (tls == null && (s.tlsCa() != null || s.tlsInsecure())) {
                continue;
            }
            if (s.tlsInsecure()) {
                LOG.warn("alert sink {}: tls_insecure: any certificate and host name is trusted at {}", s.name(),
                        s.where());
            }
            sinks.add(new WebhookSink(s, tls));
        }
        return sinks;
    }

    @Override
    public void validate(Settings alertsBlock, List<String> problems) {
        for (WebhookSettings s : WebhookSettings.all(alertsBlock, problems)) {
            tls(s, problems);
        }
    }

    /** The TLS context, or {@code null} for the JDK's default or when {@code tls_ca} cannot be used (reported). */
    private static SSLContext tls(WebhookSettings s, List<String> problems) {
        try {
            return s.tlsCa() == null && !s.tlsInsecure() ? null : AlertTls.context(s.tlsCa(), s.tlsInsecure());
        } catch (IOException | GeneralSecurityException e) {
            problems.add(s.source() + ": tls_ca " + s.tlsCa() + " cannot be used (" + e.getMessage() + "): "
                    + s.name() + " left out");
            return null;
        }
    }
}
