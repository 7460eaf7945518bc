package org.keepalived4j.exporter.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a connection, on its event loop: takes each complete request, answers
 * the ones that reach no handler itself (malformed 400, request line too long 414, headers too
 * large 431, no context 404) and hands the others to the handler threads, one request of the
 * connection at a time. Requests a client pipelined meanwhile wait here, at most
 * {@value #MAX_WAITING} (only what had already been read can be waiting: nothing is read while
 * a request is handled).
 */
final class RequestDispatcher extends ChannelInboundHandlerAdapter implements ResponseStream.Progress {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);
    private static final int MAX_WAITING = 16;

    private final NettyHttpServer server;
    private final ConnectionClock clock;
    private final SslHandler tls;
    private final WritabilityGate gate = new WritabilityGate();
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private boolean busy;

    /** {@code tls} is {@code null} on plain HTTP. */
    RequestDispatcher(NettyHttpServer server, ConnectionClock clock, SslHandler tls) {
        this.server = server;
        this.clock = clock;
        this.tls = tls;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.fireChannelActive();
        ctx.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        clock.requestReceived();
        if (!busy) {
            start(request);
        } else if (waiting.size() < MAX_WAITING) {
            waiting.add(request);
        } else {
            request.release();
            ctx.close();
        }
    }

    private void start(FullHttpRequest request) {
        busy = true;
        HttpResponseStatus refusal = refusal(request.decoderResult());
        URI uri = null;
        if (refusal == null) {
            try {
                uri = new URI(request.uri());
            } catch (URISyntaxException e) {
                refusal = HttpResponseStatus.BAD_REQUEST;
            }
        }
        if (refusal != null) {
            LOG.debug("{}: {}", ctx.channel().remoteAddress(), refusal);
            request.release();
            answer(refusal, false);
            return;
        }
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        NettyHttpContext context = server.contexts().find(path);
        if (context == null) {
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            request.release();
            answer(HttpResponseStatus.NOT_FOUND, keepAlive);
            return;
        }
        ResponseStream response = new ResponseStream(ctx.channel(), gate, server.limits().writeTimeout(), this);
        Exchange exchange = new Exchange(context, ctx.channel(), request, uri, response,
                tls == null ? null : tls.engine().getSession());
        try {
            server.execute(exchange::run);
        } catch (RejectedExecutionException e) {
            request.release();
            answer(HttpResponseStatus.SERVICE_UNAVAILABLE, false);
        }
    }

    private static HttpResponseStatus refusal(DecoderResult result) {
        if (result.isSuccess()) {
            return null;
        }
        if (result.cause() instanceof TooLongHttpLineException) {
            return HttpResponseStatus.REQUEST_URI_TOO_LONG;
        }
        if (result.cause() instanceof TooLongHttpHeaderException) {
            return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        return HttpResponseStatus.BAD_REQUEST;
    }

    /** Answers on the event loop, without a handler. */
    private void answer(HttpResponseStatus status, boolean keepAlive) {
        clock.responseStarted();
        ctx.writeAndFlush(StatusResponse.of(status, keepAlive)).addListener(f -> {
            if (f.isSuccess()) {
                responseDone(keepAlive);
            } else {
                ctx.close();
            }
        });
    }

    @Override
    public void responseStarted() {
        ctx.executor().execute(clock::responseStarted);
    }

    @Override
    public void responseDone(boolean keepAlive) {
        if (!ctx.executor().inEventLoop()) {
            ctx.executor().execute(() -> responseDone(keepAlive));
            return;
        }
        busy = false;
        clock.responseFinished();
        if (!keepAlive || !ctx.channel().isActive()) {
            ctx.close();
            return;
        }
        FullHttpRequest next = waiting.poll();
        if (next != null) {
            start(next);
        } else {
            clock.awaitRequest();
            ctx.read();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        gate.signal();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        gate.signal();
        waiting.forEach(FullHttpRequest::release);
        waiting.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("{}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
