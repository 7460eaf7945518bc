package org.keepalived4j.ipvs;

import java.io.IOException;
import java.nio.ByteOrder;

/**
 * Carries generic-netlink requests to the kernel and brings back their replies. One request at a
 * time: {@link #exchange(byte[])} sends a complete message and receives until that request's ACK,
 * error or end of dump, matching replies by sequence number and giving up after a timeout.
 */
public interface NetlinkTransport extends AutoCloseable {

    /**
     * Sends {@code request} (a complete netlink message; its nlmsg_seq identifies the replies)
     * and returns what the kernel answered. A kernel error is a normal reply ({@link GenlReply#errno()}).
     *
     * @throws java.io.InterruptedIOException if no complete reply arrived in time, or the
     *         thread was interrupted (its interrupt flag is then set again)
     * @throws IOException if the socket fails or the reply is not well-formed netlink
     */
    GenlReply exchange(byte[] request) throws IOException;

    /** The byte order of netlink headers and numeric attributes: the host's. */
    default ByteOrder hostOrder() {
        return ByteOrder.nativeOrder();
    }

    @Override
    void close();
}
