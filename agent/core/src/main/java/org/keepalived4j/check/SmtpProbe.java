package org.keepalived4j.check;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.keepalived4j.config.ConnectionConfig;

/**
 * SMTP_CHECK: the server's greeting is a 2xx reply, {@code HELO <helo_name>} gets a 2xx
 * reply; then {@code QUIT}. Multi-line replies ({@code 250-...}) are read to their last line.
 */
final class SmtpProbe implements Probe {

    private final Bootstrap bootstrap;
    private final InetSocketAddress remote;
    private final String heloName;
    private final long timeoutMillis;

    SmtpProbe(NettyTransport transport, EventLoop loop, ConnectionConfig c, String heloName) {
        this.bootstrap = TcpProbe.connectBootstrap(transport, loop, c);
        this.remote = new InetSocketAddress(c.address(), c.port());
        this.heloName = heloName;
        this.timeoutMillis = Math.max(1, c.connectTimeoutMicros() / 1000);
    }

    @Override
    public CompletableFuture<CheckResult> run() {
        CompletableFuture<CheckResult> result = new CompletableFuture<>();
        Bootstrap b = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new ReadTimeoutHandler(timeoutMillis, TimeUnit.MILLISECONDS),
                        new LineBasedFrameDecoder(1024), new Dialogue(result));
            }
        });
        b.connect(remote).addListener(f -> {
            if (!f.isSuccess()) {
                result.complete(CheckResult.failed(f.cause()));
            }
        });
        return result;
    }

    private final class Dialogue extends SimpleChannelInboundHandler<ByteBuf> {
        private final CompletableFuture<CheckResult> result;
        private int step;

        Dialogue(CompletableFuture<CheckResult> result) {
            this.result = result;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) {
            String text = line.toString(StandardCharsets.US_ASCII).strip();
            if (text.length() >= 4 && text.charAt(3) == '-') {
                return;
            }
            if (text.isEmpty() || text.charAt(0) != '2') {
                result.complete(CheckResult.failed((step == 0 ? "bad greeting: " : "HELO refused: ") + text));
                ctx.close();
                return;
            }
            if (step++ == 0) {
                ctx.writeAndFlush(Unpooled.copiedBuffer("HELO " + heloName + "\r\n", StandardCharsets.US_ASCII));
            } else {
                result.complete(CheckResult.ok("SMTP " + text.substring(0, Math.min(3, text.length()))));
                ctx.writeAndFlush(Unpooled.copiedBuffer("QUIT\r\n", StandardCharsets.US_ASCII))
                        .addListener(f -> ctx.close());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            result.complete(CheckResult.failed("connection closed by server"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            result.complete(cause instanceof ReadTimeoutException ? CheckResult.failed("read timeout")
                    : CheckResult.failed(cause));
            ctx.close();
        }
    }
}
