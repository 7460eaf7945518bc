package org.keepalived4j.exporter.alerts.email;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.keepalived4j.model.MailSettings;
import org.keepalived4j.model.Setting;
import org.keepalived4j.model.Settings;

/**
 * Where and how alert mail goes: keepalived's {@code global_defs} ({@code smtp_server},
 * {@code notification_email}, {@code notification_email_from}, {@code smtp_helo_name},
 * {@code smtp_connect_timeout}) and, from an {@code email { ... }} block inside
 * {@code keepalived4j_alerts}, what keepalived cannot do:
 *
 * <pre>
 * email {
 *     smtp_user alerts@example.com
 *     smtp_password s3cret        # never logged, shown masked by -t -D
 *     starttls required           # or: optional (use it when offered); default: off, as keepalived
 *     smtps                       # TLS from the first byte (port 465) instead
 *     ssl_trust smtp.example.com  # hosts whose certificate is trusted without a CA ("*": any)
 * }
 * </pre>
 *
 * @param host the SMTP server (keepalived's {@code smtp_server})
 * @param port its port
 * @param helo the name sent with HELO/EHLO
 * @param connectTimeout the connect and read timeout
 * @param from the sender
 * @param recipients who receives every alert mail
 * @param user the SMTP AUTH user, or {@code null} for none
 * @param password the SMTP AUTH password, or {@code null}
 * @param startTls {@code off}, {@code optional} or {@code required}
 * @param smtps whether the connection is TLS from the start
 * @param sslTrust hosts trusted without a CA, or {@code null}
 */
record EmailSettings(String host, int port, String helo, Duration connectTimeout, String from,
        List<String> recipients, String user, String password, String startTls, boolean smtps, String sslTrust) {

    private static final Set<String> KEYWORDS = Set.of("smtp_user", "smtp_password", "starttls", "smtps",
            "ssl_trust");

    /**
     * The mail settings, or {@code null} when there is nowhere to send mail: keepalived's
     * {@code smtp_server} or {@code notification_email} missing (keepalived sends no mail then
     * either). An {@code email} block without them is reported.
     */
    static EmailSettings of(MailSettings mail, Settings alertsBlock, List<String> problems) {
        List<Setting> blocks = alertsBlock.all("email");
        Block b = block(alertsBlock, problems);
        if (mail == null || mail.server() == null || mail.recipients().isEmpty()) {
            if (!blocks.isEmpty()) {
                problems.add(blocks.get(0).source()
                        + ": email alerts need smtp_server and notification_email in global_defs");
            }
            return null;
        }
        String host = mail.serverAddress() != null ? mail.serverAddress() : mail.server();
        return new EmailSettings(host, mail.port(), mail.heloName(), mail.connectTimeout(), mail.from(),
                mail.recipients(), b.user(), b.password(), b.startTls(), b.smtps(), b.sslTrust());
    }

    /** What the {@code email} block of {@code keepalived4j_alerts} says. */
    record Block(String user, String password, String startTls, boolean smtps, String sslTrust) {

        @Override
        public String toString() {
            return "Block[user " + user + ", starttls " + startTls + (smtps ? ", smtps" : "") + "]";
        }
    }

    /** The last {@code email} block read, its problems reported with their lines (none: the defaults). */
    static Block block(Settings alertsBlock, List<String> problems) {
        List<Setting> blocks = alertsBlock.all("email");
        Settings block = blocks.isEmpty() || blocks.get(blocks.size() - 1).block() == null
                ? Settings.empty("email") : blocks.get(blocks.size() - 1).block();
        for (Setting s : block.entries()) {
            if (!KEYWORDS.contains(s.keyword())) {
                problems.add(s.source() + ": unknown keyword '" + s.keyword() + "' in email");
            }
        }
        String startTls = block.value("starttls").orElse(block.has("starttls") ? "required" : "off");
        if (!Set.of("off", "optional", "required").contains(startTls)) {
            problems.add(block.last("starttls").map(Setting::source).orElse("?")
                    + ": starttls must be optional, required or off, got '" + startTls + "'");
            startTls = "off";
        }
        // a bare "smtps" turns it on, as keepalived's flag keywords do; with a value, the shared yes/no reading
        boolean smtps = block.flag("smtps", true, problems);
        String user = block.value("smtp_user").orElse(null);
        String password = block.value("smtp_password").orElse(null);
        if ((user == null) != (password == null)) {
            problems.add(block.source() + ": smtp_user and smtp_password go together");
        }
        return new Block(user, password, startTls, smtps, block.value("ssl_trust").orElse(null));
    }

    @Override
    public String toString() {
        // the password stays out of every log line and exception message
        return "EmailSettings[" + host + ":" + port + ", from " + from + ", to " + recipients
                + (user == null ? "" : ", user " + user) + ", starttls " + startTls + (smtps ? ", smtps" : "") + "]";
    }
}
