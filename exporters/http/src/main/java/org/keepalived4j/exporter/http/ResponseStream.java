package org.keepalived4j.exporter.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * A response body as the handler writes it, on the handler's thread. Bytes go out in chunks of
 * {@value #CHUNK} bytes; before each chunk the thread waits until the connection is writable
 * (at most the channel's high-water mark is queued), so a response holds at most
 * {@code high-water mark + 2 chunks} of memory however large it is, and the thread waits at
 * most until {@code write_timeout} after the response started.
 */
final class ResponseStream extends OutputStream {

    static final int CHUNK = 16 * 1024;

    /** Told when a response starts and when its last byte has been written, on the event loop. */
    interface Progress {
        void responseStarted();

        void responseDone(boolean keepAlive);
    }

    private final Channel channel;
    private final WritabilityGate gate;
    private final Duration writeTimeout;
    private final Progress progress;
    private ResponseHead head;
    private long deadline;
    private long remaining;
    private ByteBuf pending;
    private boolean closed;
    private boolean complete;

    ResponseStream(Channel channel, WritabilityGate gate, Duration writeTimeout, Progress progress) {
        this.channel = channel;
        this.gate = gate;
        this.writeTimeout = writeTimeout;
        this.progress = progress;
    }

    boolean started() {
        return head != null;
    }

    /** Whether the last byte of the response was handed to the connection. */
    boolean complete() {
        return complete;
    }

    /** Writes the status line and headers; a response without a body is complete at once. */
    void start(ResponseHead head) throws IOException {
        if (this.head != null) {
            throw new IOException("response headers already sent");
        }
        this.head = head;
        this.remaining = head.length();
        this.deadline = System.nanoTime() + writeTimeout.toNanos();
        progress.responseStarted();
        gate.await(channel, deadline);
        channel.write(head.response()).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        if (head.framing() == ResponseHead.Framing.NONE) {
            close();
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (head == null) {
            throw new IOException("response headers not sent yet");
        }
        if (closed) {
            throw new IOException("response body already closed");
        }
        if (head.framing() == ResponseHead.Framing.NONE && length > 0) {
            throw new IOException("this response has no body");
        }
        if (head.framing() == ResponseHead.Framing.FIXED) {
            if (length > remaining) {
                throw new IOException("too many bytes to write to stream");
            }
            remaining -= length;
        }
        while (length > 0) {
            if (pending == null) {
                pending = channel.alloc().buffer(CHUNK, CHUNK);
            }
            int n = Math.min(length, pending.writableBytes());
            pending.writeBytes(bytes, offset, n);
            offset += n;
            length -= n;
            if (!pending.isWritable()) {
                sendPending();
            }
        }
    }

    @Override
    public void flush() throws IOException {
        if (pending != null && !closed) {
            sendPending();
        }
    }

    /** Writes what is left and ends the response; a fixed-length body that is short fails and closes. */
    @Override
    public void close() throws IOException {
        if (closed || head == null) {
            return;
        }
        closed = true;
        if (head.framing() == ResponseHead.Framing.FIXED && remaining > 0) {
            release();
            channel.close();
            throw new IOException("insufficient bytes written to stream");
        }
        gate.await(channel, deadline);
        LastHttpContent last = pending == null ? LastHttpContent.EMPTY_LAST_CONTENT
                : new DefaultLastHttpContent(pending);
        pending = null;
        boolean keepAlive = head.keepAlive();
        complete = true;
        channel.writeAndFlush(last).addListener(f -> {
            if (f.isSuccess()) {
                progress.responseDone(keepAlive);
            } else {
                channel.close();
            }
        });
    }

    /** Drops what was not sent, after a failure. */
    void release() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    private void sendPending() throws IOException {
        try {
            gate.await(channel, deadline);
        } catch (IOException e) {
            release();
            throw e;
        }
        ByteBuf chunk = pending;
        pending = null;
        channel.writeAndFlush(new DefaultHttpContent(chunk)).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }
}
