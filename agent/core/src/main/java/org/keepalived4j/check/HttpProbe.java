package org.keepalived4j.check;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.keepalived4j.config.ConnectionConfig;
import org.keepalived4j.config.HttpUrlConfig;

/**
 * HTTP_GET / SSL_GET for one url: connect (TLS without verification unless a CA is
 * configured, SNI when asked), send keepalived's GET, read to the end of the stream with
 * connect_timeout between reads, then judge status code, digest and regex in that order.
 */
final class HttpProbe implements Probe {

    private final Bootstrap bootstrap;
    private final InetSocketAddress remote;
    private final ConnectionConfig connection;
    private final String protocol;
    private final String virtualhost;
    private final SslContext ssl;
    private final boolean sni;

    HttpProbe(NettyTransport transport, EventLoop loop, ConnectionConfig connection, String protocol,
            String virtualhost, SslContext ssl, boolean sni) {
        this.bootstrap = TcpProbe.connectBootstrap(transport, loop, connection);
        this.remote = new InetSocketAddress(connection.address(), connection.port());
        this.connection = connection;
        this.protocol = protocol;
        this.virtualhost = virtualhost;
        this.ssl = ssl;
        this.sni = sni;
    }

    @Override
    public CompletableFuture<CheckResult> run() {
        throw new IllegalStateException("an HTTP probe runs for a url");
    }

    /** Checks one url. */
    CompletableFuture<CheckResult> run(HttpUrlConfig url) {
        return fetch(url.path(), url.virtualhost(), url.regex() != null).thenApply(r -> judge(url, r))
                .exceptionally(CheckResult::failed);
    }

    static CheckResult judge(HttpUrlConfig url, HttpResponseReader r) {
        if (!r.headerComplete()) {
            return CheckResult.failed("no data received");
        }
        if (!url.accepts(r.status())) {
            return CheckResult.failed("HTTP status code " + r.status());
        }
        String detail = "HTTP status code " + r.status();
        if (url.digest() != null) {
            String digest = r.digest();
            if (!digest.equals(url.digest())) {
                return CheckResult.failed("MD5 digest error: " + digest);
            }
            detail = "MD5 digest " + digest;
        }
        if (url.regex() != null) {
            boolean matched = regexMatches(url, r.bodyText());
            if (matched == url.regexNoMatch()) {
                return CheckResult.failed("Regex match failed");
            }
            detail = "Regex match";
        }
        return CheckResult.ok(detail);
    }

    private static boolean regexMatches(HttpUrlConfig url, String body) {
        var m = url.compiledRegex().matcher(body);
        int from = (int) Math.min(body.length(), url.regexMinOffset());
        if (!m.find(from)) {
            return false;
        }
        return url.regexMaxOffset() == 0 || m.start() < url.regexMaxOffset();
    }

    /** Fetches a page: the response as read until the server closes (or a read times out). */
    CompletableFuture<HttpResponseReader> fetch(String path, String urlVirtualhost, boolean keepBody) {
        CompletableFuture<HttpResponseReader> result = new CompletableFuture<>();
        String vhost = urlVirtualhost != null ? urlVirtualhost : virtualhost;
        byte[] request = HttpResponseReader.request(path, protocol, vhost, connection.address().getHostAddress(),
                connection.address() instanceof Inet6Address, connection.port());
        HttpResponseReader reader = new HttpResponseReader(keepBody);
        long timeoutMillis = Math.max(1, connection.connectTimeoutMicros() / 1000);
        Bootstrap b = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                if (ssl != null) {
                    SslHandler handler = sni && vhost != null ? ssl.newHandler(ch.alloc(), vhost, connection.port())
                            : ssl.newHandler(ch.alloc());
                    handler.setHandshakeTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
                    ch.pipeline().addLast(handler);
                }
                ch.pipeline().addLast(new ReadTimeoutHandler(timeoutMillis, TimeUnit.MILLISECONDS),
                        new ResponseHandler(request, reader, result, ssl != null));
            }
        });
        b.connect(remote).addListener(f -> {
            if (!f.isSuccess()) {
                result.completeExceptionally(f.cause());
            }
        });
        return result;
    }

    /** Sends the request once connected (after the handshake with TLS) and feeds the reader. */
    private static final class ResponseHandler extends ChannelInboundHandlerAdapter {
        private final byte[] request;
        private final HttpResponseReader reader;
        private final CompletableFuture<HttpResponseReader> result;
        private final boolean tls;

        ResponseHandler(byte[] request, HttpResponseReader reader, CompletableFuture<HttpResponseReader> result,
                boolean tls) {
            this.request = request;
            this.reader = reader;
            this.result = result;
            this.tls = tls;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            if (!tls) {
                ctx.writeAndFlush(Unpooled.wrappedBuffer(request));
            }
            super.channelActive(ctx);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof SslHandshakeCompletionEvent done) {
                if (done.isSuccess()) {
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(request));
                } else {
                    result.completeExceptionally(done.cause());
                    ctx.close();
                }
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            try {
                byte[] bytes = new byte[buf.readableBytes()];
                buf.readBytes(bytes);
                reader.feed(bytes, 0, bytes.length);
            } finally {
                buf.release();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            result.complete(reader);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof ReadTimeoutException) {
                result.completeExceptionally(new java.io.IOException("Timeout HTTP read"));
            } else {
                result.completeExceptionally(cause);
            }
            ctx.close();
        }
    }
}
