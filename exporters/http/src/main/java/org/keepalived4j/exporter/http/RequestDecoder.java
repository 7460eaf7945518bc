package org.keepalived4j.exporter.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.List;

/**
 * Netty's request decoder with the header bounds (request line and all headers at most 8 KiB
 * each) and one more answer: whether part of a request has been received but not all of it.
 * The connection's clock asks when a response is done, so that a request pipelined behind it
 * is timed as a request, not as an idle connection.
 */
final class RequestDecoder extends HttpRequestDecoder {

    static final int MAX_HEADER_BYTES = 8 * 1024;

    /** A request line was decoded and the end of its request not yet. */
    private boolean started;

    RequestDecoder() {
        super(new HttpDecoderConfig().setMaxInitialLineLength(MAX_HEADER_BYTES).setMaxHeaderSize(MAX_HEADER_BYTES)
                .setMaxChunkSize(MAX_HEADER_BYTES));
    }

    @Override
    protected HttpMessage createMessage(String[] initialLine) throws Exception {
        started = true;
        return super.createMessage(initialLine);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
        int before = out.size();
        super.decode(ctx, buffer, out);
        for (int i = before; i < out.size(); i++) {
            if (out.get(i) instanceof LastHttpContent) {
                started = false;
            }
        }
    }

    /**
     * Whether bytes of an incomplete request are held: a partial line stays in the cumulation
     * buffer until its end arrives, complete lines are consumed into the request being built.
     */
    boolean midRequest() {
        return started || actualReadableBytes() > 0;
    }
}
