package org.keepalived4j.check;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import org.keepalived4j.config.ConnectionConfig;

/** TCP_CHECK: a TCP connection is accepted within connect_timeout; it is closed at once. */
final class TcpProbe implements Probe {

    private final Bootstrap bootstrap;
    private final InetSocketAddress remote;

    /** Nothing to do with the connection but close it; shared by every check. */
    @ChannelHandler.Sharable
    private static final class Ignore extends ChannelInboundHandlerAdapter {
    }

    private static final ChannelHandler IGNORE = new Ignore();

    TcpProbe(NettyTransport transport, EventLoop loop, ConnectionConfig c) {
        this.remote = new InetSocketAddress(c.address(), c.port());
        this.bootstrap = connectBootstrap(transport, loop, c).handler(IGNORE);
    }

    /** A bootstrap with the checker's connection options (timeout, source address and port, bind_if, fwmark). */
    static Bootstrap connectBootstrap(NettyTransport transport, EventLoop loop, ConnectionConfig c) {
        Bootstrap b = new Bootstrap().group(loop).channel(transport.socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, c.connectTimeoutMicros() / 1000));
        transport.socketOptions(b, c);
        if (c.bindAddress() != null || c.bindPort() != 0) {
            b.option(ChannelOption.SO_REUSEADDR, true);
            b.localAddress(c.bindAddress() != null ? new InetSocketAddress(c.bindAddress(), c.bindPort())
                    : new InetSocketAddress(c.bindPort()));
        }
        return b;
    }

    @Override
    public CompletableFuture<CheckResult> run() {
        CompletableFuture<CheckResult> result = new CompletableFuture<>();
        ChannelFuture connect = bootstrap.connect(remote);
        connect.addListener(f -> {
            if (f.isSuccess()) {
                connect.channel().close();
                result.complete(CheckResult.ok());
            } else {
                result.complete(CheckResult.failed(f.cause()));
            }
        });
        return result;
    }
}
