package org.keepalived4j.config;

/** {@code TCP_CHECK}: the real server accepts a TCP connection. */
public record TcpCheckConfig(SourceLocation location, CheckerOptions options, ConnectionConfig connection)
        implements CheckerConfig {

    @Override
    public String type() {
        return "TCP_CHECK";
    }
}
