package org.keepalived4j.model;

import java.time.Duration;
import java.util.List;

/**
 * keepalived's {@code smtp_alert} mail settings from global_defs. The SMTP password of
 * keepalived4j's own alert settings is never part of a snapshot.
 *
 * @param server {@code smtp_server} address, or {@code null} when mail is not configured
 * @param port the SMTP port (25 unless given)
 * @param heloName {@code smtp_helo_name}
 * @param connectTimeout {@code smtp_connect_timeout}
 * @param from {@code notification_email_from}
 * @param recipients {@code notification_email}
 * @param alert {@code smtp_alert}, or {@code null} when not set
 * @param alertVrrp {@code smtp_alert_vrrp}, or {@code null} when not set
 * @param alertChecker {@code smtp_alert_checker}, or {@code null} when not set
 * @param emailFaults whether FAULT transitions send mail (false with {@code no_email_faults})
 * @param serverAddress the address {@code smtp_server} named when the configuration was read: the
 *        address itself, or what its host name resolved to then (keepalived resolves it once, and
 *        KEEPALIVED-MIB's smtpServerAddress shows that address); {@code null} when mail is not
 *        configured or the name did not resolve
 */
public record MailSettings(String server, int port, String heloName, Duration connectTimeout, String from,
        List<String> recipients, Boolean alert, Boolean alertVrrp, Boolean alertChecker, boolean emailFaults,
        String serverAddress) {

    public MailSettings {
        recipients = List.copyOf(recipients);
    }

    /** Settings whose server was not resolved: {@code server} stands for its own address. */
    public MailSettings(String server, int port, String heloName, Duration connectTimeout, String from,
            List<String> recipients, Boolean alert, Boolean alertVrrp, Boolean alertChecker, boolean emailFaults) {
        this(server, port, heloName, connectTimeout, from, recipients, alert, alertVrrp, alertChecker, emailFaults,
                server);
    }
}
