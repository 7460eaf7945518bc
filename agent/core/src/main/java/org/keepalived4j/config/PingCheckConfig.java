package org.keepalived4j.config;

/** {@code PING_CHECK}: the real server answers an ICMP echo request. */
public record PingCheckConfig(SourceLocation location, CheckerOptions options, ConnectionConfig connection)
        implements CheckerConfig {

    @Override
    public String type() {
        return "PING_CHECK";
    }
}
