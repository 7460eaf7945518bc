package org.keepalived4j.exporter.alerts.email;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import org.keepalived4j.exporter.alerts.Alert;
import org.keepalived4j.exporter.alerts.AlertSink;

/**
 * keepalived's {@code smtp_alert} mail: the alerts keepalived would mail, to
 * {@code notification_email} from {@code notification_email_from} through {@code smtp_server},
 * with keepalived's subject and first body line, then the reason, priorities and the other
 * details of the alert. Each mail's Message-ID is made from the alert's id, so a mail delivered
 * twice (after a crash between sending and recording it) is one message to a mail client that
 * drops duplicates.
 */
final class EmailSink implements AlertSink {

    private final EmailSettings settings;
    private final Session session;
    private final String protocol;

    EmailSink(EmailSettings settings) {
        this.settings = settings;
        this.protocol = settings.smtps() ? "smtps" : "smtp";
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.setProperty("mail.transport.protocol", protocol);
        p.setProperty(prefix + "host", settings.host());
        p.setProperty(prefix + "port", Integer.toString(settings.port()));
        p.setProperty(prefix + "localhost", settings.helo());
        p.setProperty(prefix + "from", settings.from());
        long timeout = Math.max(1, settings.connectTimeout().toMillis());
        p.setProperty(prefix + "connectiontimeout", Long.toString(timeout));
        p.setProperty(prefix + "timeout", Long.toString(timeout));
        p.setProperty(prefix + "writetimeout", Long.toString(timeout));
        if (!settings.startTls().equals("off")) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", Boolean.toString(settings.startTls().equals("required")));
        }
        if (settings.sslTrust() != null) {
            // trusted without a CA: a name check of a self-made certificate would refuse it anyway
            p.setProperty(prefix + "ssl.trust", settings.sslTrust());
            p.setProperty(prefix + "ssl.checkserveridentity", "false");
        } else if (settings.smtps() || !settings.startTls().equals("off")) {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        Authenticator auth = null;
        if (settings.user() != null && settings.password() != null) {
            p.setProperty(prefix + "auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(settings.user(), settings.password());
                }
            };
        }
        this.session = Session.getInstance(p, auth);
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public boolean accepts(Alert alert) {
        return alert.mail();
    }

    @Override
    public void deliver(Alert alert) throws MessagingException {
        MimeMessage message = message(alert);
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /** The mail for an alert. */
    MimeMessage message(Alert alert) throws MessagingException {
        String messageId = "<" + alert.id() + ".email@" + domain() + ">";
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom(new InternetAddress(settings.from()));
        for (String to : settings.recipients()) {
            m.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
        }
        m.setSubject(alert.subject(), "UTF-8");
        m.setSentDate(Date.from(alert.time()));
        m.setHeader("X-Mailer", "keepalived4j");
        m.setText(body(alert), "UTF-8");
        m.saveChanges();
        return m;
    }

    /** keepalived's body line, then what keepalived4j knows more. */
    static String body(Alert alert) {
        StringBuilder b = new StringBuilder(alert.body()).append("\n\n");
        if (alert.from() != null) {
            b.append("state: ").append(alert.from()).append(" -> ").append(alert.to()).append('\n');
        }
        for (Map.Entry<String, String> label : alert.labels().entrySet()) {
            b.append(label.getKey()).append(": ").append(label.getValue()).append('\n');
        }
        b.append("time: ").append(alert.time()).append('\n');
        b.append("alert id: ").append(alert.id()).append('\n');
        return b.toString();
    }

    private String domain() {
        int at = settings.from().lastIndexOf('@');
        return at >= 0 && at < settings.from().length() - 1 ? settings.from().substring(at + 1) : "keepalived4j";
    }

    @Override
    public String toString() {
        return "email " + settings;
    }
}
