package org.keepalived4j.config;

/**
 * {@code SMTP_CHECK}: the server greets with 2xx and answers HELO with 2xx.
 *
 * @param heloName {@code helo_name} (default {@code smtpchecker.keepalived.org}, as keepalived)
 */
public record SmtpCheckConfig(SourceLocation location, CheckerOptions options, ConnectionConfig connection,
        String heloName) implements CheckerConfig {

    @Override
    public String type() {
        return "SMTP_CHECK";
    }
}
