package org.keepalived4j.exporter.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.ssl.SslHandler;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * The pipeline of each connection, from the socket: TLS (when configured, its handshake bounded
 * by request_timeout), the clock (it must see raw bytes), the request decoder, the response
 * encoder, the body aggregator (413 and close beyond the body bound, also for
 * {@code Expect: 100-continue}), and the dispatcher.
 */
final class ServerInitializer extends ChannelInitializer<SocketChannel> {

    private final NettyHttpServer server;
    private final SSLContext tls;
    private final int maxBodyBytes;

    ServerInitializer(NettyHttpServer server, SSLContext tls, int maxBodyBytes) {
        this.server = server;
        this.tls = tls;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        server.connections().add(channel);
        ChannelPipeline p = channel.pipeline();
        SslHandler ssl = null;
        if (tls != null) {
            SSLEngine engine = tls.createSSLEngine();
            engine.setUseClientMode(false);
            ssl = new SslHandler(engine);
            ssl.setHandshakeTimeoutMillis(server.limits().requestTimeout().toMillis());
            p.addLast("tls", ssl);
        }
        RequestDecoder decoder = new RequestDecoder();
        ConnectionClock clock = new ConnectionClock(server.limits(), decoder);
        p.addLast("clock", clock);
        p.addLast("decoder", decoder);
        p.addLast("encoder", new HttpResponseEncoder());
        p.addLast("aggregator", new HttpObjectAggregator(maxBodyBytes, true));
        p.addLast("dispatcher", new RequestDispatcher(server, clock, ssl));
    }
}
