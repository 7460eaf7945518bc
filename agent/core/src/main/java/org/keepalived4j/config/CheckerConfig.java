package org.keepalived4j.config;

/** One health checker block of a real server. */
public sealed interface CheckerConfig permits TcpCheckConfig, HttpCheckConfig, SmtpCheckConfig, DnsCheckConfig,
        UdpCheckConfig, PingCheckConfig, MiscCheckConfig, FileCheckConfig, BfdCheckConfig {

    /** keepalived's block keyword, e.g. {@code HTTP_GET}. */
    String type();

    /** Where the block starts. */
    SourceLocation location();
}
