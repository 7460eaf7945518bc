package org.keepalived4j.exporter.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the listening channel: each accepted connection passes here before it gets a pipeline.
 * Beyond {@code max_connections} open ones it is closed at once (never queued), counted, and
 * reported in the log at most once a minute.
 */
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimiter.class);
    private static final long REPORT_INTERVAL = TimeUnit.MINUTES.toNanos(1);

    private final String name;
    private final int max;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private long unreported;
    private long lastReport;
    private boolean reported;

    ConnectionLimiter(String name, int max) {
        this.name = name;
        this.max = max;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Channel child = (Channel) msg;
        if (open.get() >= max) {
            refused.incrementAndGet();
            child.unsafe().closeForcibly();
            report();
            return;
        }
        open.incrementAndGet();
        child.closeFuture().addListener(f -> open.decrementAndGet());
        ctx.fireChannelRead(child);
    }

    int open() {
        return open.get();
    }

    long refused() {
        return refused.get();
    }

    private void report() {
        unreported++;
        long now = System.nanoTime();
        if (reported && now - lastReport < REPORT_INTERVAL) {
            return;
        }
        LOG.warn("{}: refused {} connection(s): max_connections {} are open ({} refused since start)", name,
                unreported, max, refused.get());
        unreported = 0;
        lastReport = now;
        reported = true;
    }
}
