package org.keepalived4j.linux;

import java.nio.ByteBuffer;

/**
 * What {@link NetlinkChannel} needs of a netlink socket: fresh sequence numbers, sending one
 * request, and taking the datagrams the kernel queued. {@link NetlinkSocket} is the real one; a
 * test stands in for the kernel here and so runs the channel's own framing, sequence matching
 * and error decoding on recorded bytes.
 */
public interface NetlinkDatagrams extends AutoCloseable {

    /** A sequence number not used by an earlier request on this socket. */
    int nextSequence();

    /** Sends one message (from {@code message}'s position to its limit) to the kernel. */
    void send(ByteBuffer message) throws SyscallException;

    /** The next queued datagram (host byte order, valid until the next call), or null when none is queued. */
    ByteBuffer receive() throws SyscallException;

    /** Waits at most {@code timeoutNanos} for a datagram; returns whether one is queued. */
    boolean awaitReadable(long timeoutNanos) throws SyscallException;

    @Override
    void close();
}
