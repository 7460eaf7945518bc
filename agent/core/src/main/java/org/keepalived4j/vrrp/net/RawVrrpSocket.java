package org.keepalived4j.vrrp.net;

import java.io.IOException;
import java.net.InetAddress;

/**
 * A raw socket for IP protocol 112 (51 for {@code auth_type AH}) on one interface. Sends carry TTL / hop limit 255 for
 * multicast (RFC 3768 5.2.3, RFC 5798 5.1.1.3) and the configured value for unicast; over IPv6
 * the kernel fills in the VRRP checksum. Never blocks: {@link #receive} returns false when
 * nothing is queued, so the loop registers {@link #fd()} with its {@link Poller}.
 */
public interface RawVrrpSocket extends AutoCloseable {

    /** The descriptor to register with the {@link Poller}. */
    int fd();

    /** The options the socket was opened with. */
    VrrpSocketOptions options();

    /** Joins multicast group {@code group} on the socket's interface. */
    void joinGroup(InetAddress group) throws IOException;

    /** Leaves multicast group {@code group}. */
    void leaveGroup(InetAddress group) throws IOException;

    /**
     * Sends one VRRP message (no IP header; with {@code auth_type AH} the AH header first) to
     * {@code destination}: the multicast group or a
     * unicast peer. The source address is {@link VrrpSocketOptions#sourceAddress()} when set.
     */
    void send(byte[] message, int offset, int length, InetAddress destination) throws IOException;

    /**
     * Copies the next queued datagram into {@code buffer} and describes it in {@code into}.
     *
     * @return false when nothing is queued
     */
    boolean receive(byte[] buffer, int offset, int capacity, ReceivedVrrpPacket into) throws IOException;

    /**
     * Asks for a receive buffer of {@code bytes} (SO_RCVBUF, which the kernel doubles and caps
     * at {@code net.core.rmem_max}); with {@code force}, past that cap where the process has
     * CAP_NET_ADMIN (SO_RCVBUFFORCE).
     */
    void setReceiveBuffer(int bytes, boolean force) throws IOException;

    /** The receive buffer the kernel gives the socket, in bytes (SO_RCVBUF as getsockopt reports it). */
    int receiveBuffer() throws IOException;

    /** Leaves the groups and closes the descriptor. */
    @Override
    void close();
}
