package org.keepalived4j.check;

import io.netty.channel.EventLoop;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.keepalived4j.config.ConnectionConfig;

/** PING_CHECK: an ICMP echo reply comes back within connect_timeout. */
final class PingProbe implements Probe {

    private final PingService pings;
    private final EventLoop loop;
    private final ConnectionConfig c;

    PingProbe(PingService pings, EventLoop loop, ConnectionConfig c) {
        this.pings = pings;
        this.loop = loop;
        this.c = c;
    }

    @Override
    public CompletableFuture<CheckResult> run() {
        CompletableFuture<Boolean> reply;
        try {
            reply = pings.echo(c.address(), c.bindAddress(), c.bindInterface(), c.fwmark());
        } catch (IOException e) {
            return CompletableFuture.completedFuture(CheckResult.failed(e.getMessage()));
        }
        CompletableFuture<CheckResult> result = reply.thenApply(r -> CheckResult.ok("echo reply"));
        var timeout = loop.schedule(() -> {
            reply.cancel(false);
        }, c.connectTimeoutMicros(), TimeUnit.MICROSECONDS);
        return result.handle((r, e) -> {
            timeout.cancel(false);
            return e != null ? CheckResult.failed("no echo reply") : r;
        });
    }
}
