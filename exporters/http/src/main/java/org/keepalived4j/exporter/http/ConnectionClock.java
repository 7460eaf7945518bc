package org.keepalived4j.exporter.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadlines of one connection, on its event loop. It sits before the decoder, so it sees
 * the bytes as they arrive:
 *
 * <ul>
 *   <li>waiting for a request (the first or the next): {@code idle_timeout}, then closed;
 *   <li>from the first byte of a request to the complete request: {@code request_timeout},
 *       then answered 408 and closed, however slowly the bytes trickle in;
 *   <li>while the request is handled: no read deadline, and nothing is read, so a client
 *       cannot pile up requests behind it (the socket's own buffers hold what it sends);
 *   <li>from a response's first byte to its last: {@code write_timeout}, then closed.
 * </ul>
 */
final class ConnectionClock extends ChannelDuplexHandler {

    /** Set on a channel this clock closed because its response was not read within write_timeout. */
    static final io.netty.util.AttributeKey<Boolean> WRITE_EXPIRED =
            io.netty.util.AttributeKey.valueOf("keepalived4j.writeExpired");

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionClock.class);

    private enum Phase { WAITING, READING, HANDLING }

    private final HttpLimits limits;
    private final RequestDecoder decoder;
    private ChannelHandlerContext ctx;
    private Phase phase = Phase.WAITING;
    private ScheduledFuture<?> readDeadline;
    private ScheduledFuture<?> writeDeadline;
    /** A read was asked for while handling; it is passed on once the response is done. */
    private boolean readHeld;

    ConnectionClock(HttpLimits limits, RequestDecoder decoder) {
        this.limits = limits;
        this.decoder = decoder;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        readDeadline = schedule(limits.idleTimeout(), this::idleExpired);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (phase == Phase.WAITING && msg instanceof ByteBuf bytes && bytes.isReadable()) {
            startReading();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (phase == Phase.HANDLING) {
            readHeld = true;
        } else {
            ctx.read();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelAll();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancelAll();
    }

    /** A complete request was received: its handling has no read deadline. */
    void requestReceived() {
        phase = Phase.HANDLING;
        cancel(readDeadline);
        readDeadline = null;
    }

    /** The first bytes of a response are about to be written. */
    void responseStarted() {
        cancel(writeDeadline);
        writeDeadline = schedule(limits.writeTimeout(), this::writeExpired);
    }

    /** The response was written completely. */
    void responseFinished() {
        cancel(writeDeadline);
        writeDeadline = null;
    }

    /** The connection waits for its next request (a pipelined one may have begun already). */
    void awaitRequest() {
        phase = Phase.WAITING;
        if (decoder.midRequest()) {
            startReading();
        } else {
            readDeadline = schedule(limits.idleTimeout(), this::idleExpired);
        }
        if (readHeld) {
            readHeld = false;
            ctx.read();
        }
    }

    private void startReading() {
        phase = Phase.READING;
        cancel(readDeadline);
        readDeadline = schedule(limits.requestTimeout(), this::requestExpired);
    }

    private void idleExpired() {
        LOG.debug("{}: closed after idle_timeout without a request", ctx.channel().remoteAddress());
        ctx.channel().close();
    }

    private void requestExpired() {
        LOG.debug("{}: request not complete within request_timeout, closing", ctx.channel().remoteAddress());
        // From the channel, so that it passes the encoder; closed whether or not the client reads it.
        ctx.channel().writeAndFlush(StatusResponse.of(HttpResponseStatus.REQUEST_TIMEOUT, false))
                .addListener(ChannelFutureListener.CLOSE);
        ctx.channel().close();
    }

    private void writeExpired() {
        LOG.debug("{}: response not read within write_timeout, closing", ctx.channel().remoteAddress());
        ctx.channel().attr(WRITE_EXPIRED).set(Boolean.TRUE);
        ctx.channel().close();
    }

    private ScheduledFuture<?> schedule(Duration after, Runnable task) {
        return ctx.executor().schedule(task, after.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void cancelAll() {
        cancel(readDeadline);
        cancel(writeDeadline);
        readDeadline = null;
        writeDeadline = null;
    }

    private static void cancel(ScheduledFuture<?> deadline) {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }
}
