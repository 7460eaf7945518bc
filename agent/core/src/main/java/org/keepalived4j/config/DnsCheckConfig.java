package org.keepalived4j.config;

/**
 * {@code DNS_CHECK}: a query over UDP gets an answer without error.
 *
 * @param queryType {@code type}: A, NS, CNAME, SOA (default), MX, TXT or AAAA
 * @param name {@code name} (default {@code .})
 */
public record DnsCheckConfig(SourceLocation location, CheckerOptions options, ConnectionConfig connection,
        String queryType, String name) implements CheckerConfig {

    @Override
    public String type() {
        return "DNS_CHECK";
    }
}
