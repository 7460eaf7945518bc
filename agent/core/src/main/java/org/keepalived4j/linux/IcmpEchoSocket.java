package org.keepalived4j.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * An ICMP / ICMPv6 echo socket. It first tries the unprivileged datagram kind (allowed by
 * {@code net.ipv4.ping_group_range}; the kernel then owns the echo identifier and hands this
 * socket only its own replies), and falls back to a raw socket (needs CAP_NET_RAW; replies
 * are matched by identifier). Sending may happen from any thread; {@link #receive} blocks and
 * belongs to one reader thread.
 */
public final class IcmpEchoSocket implements AutoCloseable {

    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_RAW = 3;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int IPPROTO_ICMP = 1;
    private static final int IPPROTO_ICMPV6 = 58;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;
    private static final int SO_BINDTODEVICE = 25;
    private static final int SO_MARK = 36;
    private static final int EAGAIN = 11;
    private static final int EINTR = 4;

    /** The C library calls used here. */
    interface LibC extends Library {
        int socket(int domain, int type, int protocol) throws LastErrorException;

        int setsockopt(int fd, int level, int name, byte[] value, int length) throws LastErrorException;

        int bind(int fd, byte[] address, int length) throws LastErrorException;

        int sendto(int fd, byte[] buf, int len, int flags, byte[] to, int tolen) throws LastErrorException;

        int recvfrom(int fd, byte[] buf, int len, int flags, byte[] from, IntByReference fromlen)
                throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    /** An echo reply: who answered, with which identifier and sequence number. */
    public record Reply(InetAddress from, int identifier, int sequence) {
    }

    private static final LibC LIBC = Native.load("c", LibC.class);

    private final int fd;
    private final boolean ipv6;
    private final boolean raw;
    private volatile boolean closed;

    private IcmpEchoSocket(int fd, boolean ipv6, boolean raw) {
        this.fd = fd;
        this.ipv6 = ipv6;
        this.raw = raw;
    }

    /**
     * Opens an echo socket.
     *
     * @param bindAddress source address, or {@code null}
     * @param bindInterface interface to send from, or {@code null}
     * @param fwmark SO_MARK for the packets, or 0
     */
    public static IcmpEchoSocket open(boolean ipv6, InetAddress bindAddress, String bindInterface, long fwmark)
            throws IOException {
        int domain = ipv6 ? AF_INET6 : AF_INET;
        int protocol = ipv6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP;
        int fd;
        boolean raw = false;
        try {
            fd = LIBC.socket(domain, SOCK_DGRAM | SOCK_CLOEXEC, protocol);
        } catch (LastErrorException e) {
            try {
                fd = LIBC.socket(domain, SOCK_RAW | SOCK_CLOEXEC, protocol);
                raw = true;
            } catch (LastErrorException e2) {
                throw new IOException("cannot open an ICMP socket (ping_group_range forbids datagram ICMP and raw "
                        + "sockets need CAP_NET_RAW): errno " + e2.getErrorCode());
            }
        }
        IcmpEchoSocket socket = new IcmpEchoSocket(fd, ipv6, raw);
        try {
            socket.receiveTimeout(200);
            if (bindInterface != null) {
                byte[] name = (bindInterface + "\0").getBytes(StandardCharsets.US_ASCII);
                LIBC.setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, name, name.length);
            }
            if (fwmark != 0) {
                byte[] mark = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt((int) fwmark).array();
                LIBC.setsockopt(fd, SOL_SOCKET, SO_MARK, mark, 4);
            }
            if (bindAddress != null) {
                byte[] sa = sockaddr(bindAddress);
                LIBC.bind(fd, sa, sa.length);
            }
        } catch (LastErrorException e) {
            socket.close();
            throw new IOException("cannot set up the ICMP socket: errno " + e.getErrorCode());
        }
        return socket;
    }

    /** Whether the kernel chooses the echo identifier (datagram kind). */
    public boolean kernelIdentifier() {
        return !raw;
    }

    /** Sends an echo request. */
    public void send(InetAddress to, int identifier, int sequence, byte[] payload) throws IOException {
        byte[] packet = new byte[8 + payload.length];
        packet[0] = (byte) (ipv6 ? 128 : 8);
        packet[4] = (byte) (identifier >> 8);
        packet[5] = (byte) identifier;
        packet[6] = (byte) (sequence >> 8);
        packet[7] = (byte) sequence;
        System.arraycopy(payload, 0, packet, 8, payload.length);
        if (!ipv6) {
            int sum = checksum(packet);
            packet[2] = (byte) (sum >> 8);
            packet[3] = (byte) sum;
        }
        byte[] sa = sockaddr(to);
        try {
            LIBC.sendto(fd, packet, packet.length, 0, sa, sa.length);
        } catch (LastErrorException e) {
            throw new IOException("cannot send an ICMP echo to " + to.getHostAddress() + ": errno " + e.getErrorCode());
        }
    }

    /** Waits up to the receive timeout (200 ms) for the next echo reply; {@code null} if none came. */
    public Reply receive() throws IOException {
        byte[] buf = new byte[1500];
        byte[] from = new byte[28];
        while (!closed) {
            IntByReference fromLength = new IntByReference(from.length);
            int n;
            try {
                n = LIBC.recvfrom(fd, buf, buf.length, 0, from, fromLength);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == EAGAIN || e.getErrorCode() == EINTR) {
                    return null;
                }
                throw new IOException("ICMP receive failed: errno " + e.getErrorCode());
            }
            int offset = !ipv6 && raw ? (buf[0] & 0x0f) * 4 : 0;
            if (n - offset < 8) {
                continue;
            }
            int type = buf[offset] & 0xff;
            if (type != (ipv6 ? 129 : 0)) {
                continue;
            }
            int identifier = (buf[offset + 4] & 0xff) << 8 | buf[offset + 5] & 0xff;
            int sequence = (buf[offset + 6] & 0xff) << 8 | buf[offset + 7] & 0xff;
            return new Reply(address(from), identifier, sequence);
        }
        return null;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                LIBC.close(fd);
            } catch (LastErrorException e) {
                // already closed
            }
        }
    }

    private void receiveTimeout(int millis) {
        ByteBuffer tv = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
        tv.putLong(millis / 1000).putLong((millis % 1000) * 1000L);
        LIBC.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, tv.array(), 16);
    }

    static int checksum(byte[] data) {
        long sum = 0;
        for (int i = 0; i + 1 < data.length; i += 2) {
            sum += (data[i] & 0xff) << 8 | data[i + 1] & 0xff;
        }
        if (data.length % 2 == 1) {
            sum += (data[data.length - 1] & 0xff) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) ~sum & 0xffff;
    }

    private static byte[] sockaddr(InetAddress address) {
        byte[] raw = address.getAddress();
        ByteBuffer b = ByteBuffer.allocate(raw.length == 4 ? 16 : 28);
        b.order(ByteOrder.nativeOrder()).putShort((short) (raw.length == 4 ? AF_INET : AF_INET6));
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) 0);
        if (raw.length == 4) {
            b.put(raw);
        } else {
            b.putInt(0).put(raw);
            b.order(ByteOrder.nativeOrder()).putInt(address instanceof Inet6Address a6 ? a6.getScopeId() : 0);
        }
        return b.array();
    }

    private InetAddress address(byte[] sa) throws UnknownHostException {
        byte[] raw = new byte[ipv6 ? 16 : 4];
        System.arraycopy(sa, ipv6 ? 8 : 4, raw, 0, raw.length);
        return InetAddress.getByAddress(raw);
    }
}
