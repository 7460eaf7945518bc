package org.keepalived4j.config;

/**
 * {@code UDP_CHECK}: a datagram is sent; the check fails on an ICMP error, or, with
 * {@code require_reply}, when no fitting reply comes back in time.
 *
 * @param payload the bytes to send as hex digits, or {@code null} for a random payload
 * @param requireReply whether a reply is needed
 * @param replyPattern hex digits the reply must start with ({@code X} matches any nibble), or {@code null}
 * @param minReplyLength {@code min_reply_length} (default 0)
 * @param maxReplyLength {@code max_reply_length} (default 255)
 */
public record UdpCheckConfig(SourceLocation location, CheckerOptions options, ConnectionConfig connection,
        String payload, boolean requireReply, String replyPattern, int minReplyLength, int maxReplyLength)
        implements CheckerConfig {

    @Override
    public String type() {
        return "UDP_CHECK";
    }
}
