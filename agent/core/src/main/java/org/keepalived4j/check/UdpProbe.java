package org.keepalived4j.check;

import io.netty.channel.EventLoop;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.keepalived4j.config.UdpCheckConfig;

/**
 * UDP_CHECK: sends the payload (random bytes if none). Without {@code require_reply}, the
 * check passes unless an ICMP error comes back within connect_timeout; with it, a reply whose
 * length is within the bounds, and which starts with the pattern ({@code X} = any nibble),
 * must come back in time.
 */
final class UdpProbe implements Probe {

    private final DatagramExchange exchange;
    private final UdpCheckConfig config;
    private final byte[] payload;

    UdpProbe(NettyTransport transport, EventLoop loop, UdpCheckConfig config) {
        this.exchange = new DatagramExchange(transport, loop, config.connection());
        this.config = config;
        this.payload = config.payload() == null ? null : HexFormat.of().parseHex(config.payload());
    }

    @Override
    public CompletableFuture<CheckResult> run() {
        byte[] data = payload;
        if (data == null) {
            data = new byte[16];
            ThreadLocalRandom.current().nextBytes(data);
        }
        CheckResult silence = config.requireReply() ? CheckResult.failed("no reply") : CheckResult.ok("no ICMP error");
        return exchange.exchange(data, this::judge, silence);
    }

    CheckResult judge(byte[] reply) {
        if (!config.requireReply()) {
            return CheckResult.ok("reply received");
        }
        if (reply.length < config.minReplyLength() || reply.length > config.maxReplyLength()) {
            return CheckResult.failed("reply length " + reply.length);
        }
        String pattern = config.replyPattern();
        if (pattern != null) {
            String got = HexFormat.of().withUpperCase().formatHex(reply);
            int n = Math.min(got.length(), pattern.length());
            for (int i = 0; i < n; i++) {
                char p = pattern.charAt(i);
                if (p != 'X' && p != got.charAt(i)) {
                    return CheckResult.failed("reply does not match");
                }
            }
        }
        return CheckResult.ok("reply received");
    }
}
