package org.keepalived4j.check;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.keepalived4j.config.ConnectionConfig;

/**
 * Sends one datagram on a connected UDP socket and waits, up to connect_timeout, for a reply
 * that the given judge accepts or rejects (a judge answering {@code null} keeps waiting). An
 * ICMP error (port unreachable...) fails the exchange; silence ends it with {@code onSilence}.
 */
final class DatagramExchange {

    private final Bootstrap bootstrap;
    private final InetSocketAddress remote;
    private final InetSocketAddress local;
    private final long timeoutMillis;

    DatagramExchange(NettyTransport transport, EventLoop loop, ConnectionConfig c) {
        this.bootstrap = new Bootstrap().group(loop).channel(transport.datagramChannel())
                .option(ChannelOption.SO_REUSEADDR, c.bindPort() != 0);
        transport.socketOptions(bootstrap, c);
        this.remote = new InetSocketAddress(c.address(), c.port());
        this.local = c.bindAddress() != null || c.bindPort() != 0
                ? new InetSocketAddress(c.bindAddress(), c.bindPort()) : null;
        this.timeoutMillis = Math.max(1, c.connectTimeoutMicros() / 1000);
    }

    CompletableFuture<CheckResult> exchange(byte[] payload, Function<byte[], CheckResult> judge,
            CheckResult onSilence) {
        CompletableFuture<CheckResult> result = new CompletableFuture<>();
        Bootstrap b = bootstrap.clone().handler(new Handler(judge, result));
        var connect = local == null ? b.connect(remote) : b.connect(remote, local);
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                result.complete(CheckResult.failed(f.cause()));
                return;
            }
            Channel ch = connect.channel();
            ScheduledFuture<?> timeout = ch.eventLoop().schedule(() -> {
                result.complete(onSilence);
                ch.close();
            }, timeoutMillis, TimeUnit.MILLISECONDS);
            result.whenComplete((r, e) -> {
                timeout.cancel(false);
                ch.close();
            });
            ch.writeAndFlush(Unpooled.wrappedBuffer(payload)).addListener(w -> {
                if (!w.isSuccess()) {
                    result.complete(CheckResult.failed(w.cause()));
                }
            });
        });
        return result;
    }

    private static final class Handler extends ChannelInboundHandlerAdapter {
        private final Function<byte[], CheckResult> judge;
        private final CompletableFuture<CheckResult> result;

        Handler(Function<byte[], CheckResult> judge, CompletableFuture<CheckResult> result) {
            this.judge = judge;
            this.result = result;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = msg instanceof DatagramPacket p ? p.content() : (ByteBuf) msg;
            try {
                byte[] bytes = new byte[buf.readableBytes()];
                buf.readBytes(bytes);
                CheckResult verdict = judge.apply(bytes);
                if (verdict != null) {
                    result.complete(verdict);
                }
            } finally {
                buf.release();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            result.complete(CheckResult.failed(cause));
        }
    }
}
