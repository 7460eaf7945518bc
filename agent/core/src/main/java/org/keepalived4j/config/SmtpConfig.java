package org.keepalived4j.config;

import java.util.List;

/**
 * Mail settings from global_defs ({@code notification_email}, {@code smtp_*}).
 *
 * @param recipients {@code notification_email} addresses
 * @param from {@code notification_email_from} (default keepalived@HOSTNAME)
 * @param server {@code smtp_server} host or address, or {@code null} when mail is not configured
 * @param port the {@code smtp_server} port (default 25)
 * @param heloName {@code smtp_helo_name} (default the host name)
 * @param connectTimeoutMicros {@code smtp_connect_timeout} (default 30 s)
 * @param alert {@code smtp_alert}: default for every smtp_alert, or {@code null} when unset
 * @param alertVrrp {@code smtp_alert_vrrp}, or {@code null} when unset
 * @param alertChecker {@code smtp_alert_checker}, or {@code null} when unset
 * @param noEmailFaults {@code no_email_faults}
 * @param noCheckerEmails {@code no_checker_emails}
 */
public record SmtpConfig(List<String> recipients, String from, String server, int port, String heloName,
        long connectTimeoutMicros, Boolean alert, Boolean alertVrrp, Boolean alertChecker, boolean noEmailFaults,
        boolean noCheckerEmails) {

    public SmtpConfig {
        recipients = List.copyOf(recipients);
    }
}
