package org.keepalived4j.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;

/**
 * A NETLINK_GENERIC datagram socket: sends whole messages to the kernel and receives whole
 * datagrams, waiting with {@code poll(2)} for at most a given time — a receive never blocks
 * without a bound. The socket asks for capped ACKs (NETLINK_CAP_ACK: an error does not echo the
 * whole request) and extended ACKs (NETLINK_EXT_ACK: the kernel may explain an error in text).
 *
 * <p>One thread uses a socket at a time; {@link #close()} may be called from any thread once.
 */
public final class GenericNetlinkSocket implements AutoCloseable {

    private static final int AF_NETLINK = 16;
    private static final int SOCK_RAW = 3;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int NETLINK_GENERIC = 16;
    private static final int SOL_NETLINK = 270;
    private static final int NETLINK_CAP_ACK = 10;
    private static final int NETLINK_EXT_ACK = 11;
    private static final short POLLIN = 0x1;
    private static final int MSG_TRUNC = 0x20;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    private static final int SOCKADDR_NL_LENGTH = 12;

    private final int fd;
    private final int portId;
    private boolean closed;

    private GenericNetlinkSocket(int fd, int portId) {
        this.fd = fd;
        this.portId = portId;
    }

    /** Opens and binds a socket (the kernel picks the port id). */
    public static GenericNetlinkSocket open() throws IOException {
        int fd = call("socket", () -> Libc.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC));
        try {
            Memory address = new Memory(SOCKADDR_NL_LENGTH);
            address.clear();
            address.setShort(0, (short) AF_NETLINK);
            call("bind", () -> Libc.bind(fd, address, SOCKADDR_NL_LENGTH));
            enable(fd, NETLINK_CAP_ACK);
            enable(fd, NETLINK_EXT_ACK);
            Memory length = new Memory(4);
            length.setInt(0, SOCKADDR_NL_LENGTH);
            call("getsockname", () -> Libc.getsockname(fd, address, length));
            return new GenericNetlinkSocket(fd, address.getInt(4));
        } catch (IOException | RuntimeException e) {
            Libc.close(fd);
            throw e;
        }
    }

    /** The port id the kernel gave this socket (the nlmsg_pid of its replies). */
    public int portId() {
        return portId;
    }

    /** Sends one complete netlink message to the kernel. */
    public synchronized void send(byte[] message) throws IOException {
        ensureOpen();
        long sent = callLong("send", () -> Libc.send(fd, message, message.length, 0));
        if (sent != message.length) {
            throw new IOException("send wrote " + sent + " of " + message.length + " bytes");
        }
    }

    /**
     * Waits up to {@code timeoutMillis} for a datagram and copies it into {@code buffer}.
     *
     * @return the datagram's length, or -1 if none arrived in time (or the wait was interrupted
     *         by a signal; the caller's deadline decides whether to wait again)
     * @throws IOException if the datagram does not fit {@code buffer}, or a call fails
     */
    public synchronized int receive(byte[] buffer, int timeoutMillis) throws IOException {
        ensureOpen();
        Memory pollFd = new Memory(8);
        pollFd.setInt(0, fd);
        pollFd.setShort(4, POLLIN);
        pollFd.setShort(6, (short) 0);
        try {
            if (Libc.poll(pollFd, 1, Math.max(0, timeoutMillis)) == 0) {
                return -1;
            }
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EINTR) {
                return -1;
            }
            throw failure("poll", e.getErrorCode());
        }
        long length;
        try {
            length = Libc.recv(fd, buffer, buffer.length, MSG_DONTWAIT | MSG_TRUNC);
        } catch (LastErrorException e) {
            if (e.getErrorCode() == EAGAIN || e.getErrorCode() == EINTR) {
                return -1;
            }
            throw failure("recv", e.getErrorCode());
        }
        if (length > buffer.length) {
            throw new IOException("netlink datagram of " + length + " bytes does not fit " + buffer.length);
        }
        return (int) length;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Libc.close(fd);
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("netlink socket is closed");
        }
    }

    private static void enable(int fd, int option) throws IOException {
        Memory one = new Memory(4);
        one.setInt(0, 1);
        call("setsockopt", () -> Libc.setsockopt(fd, SOL_NETLINK, option, one, 4));
    }

    private static long callLong(String what, LongCall call) throws IOException {
        try {
            return call.invoke();
        } catch (LastErrorException e) {
            throw failure(what, e.getErrorCode());
        }
    }

    private static int call(String what, IntCall call) throws IOException {
        try {
            return call.invoke();
        } catch (LastErrorException e) {
            throw failure(what, e.getErrorCode());
        }
    }

    private static ErrnoException failure(String what, int errno) {
        return new ErrnoException(what + ": " + Libc.strerror(errno) + " (errno " + errno + ")", errno);
    }

    @FunctionalInterface
    private interface IntCall {
        int invoke();
    }

    @FunctionalInterface
    private interface LongCall {
        long invoke();
    }

    /** A failed system call on the socket, with its errno. */
    public static final class ErrnoException extends IOException {

        private final int errno;

        ErrnoException(String message, int errno) {
            super(message);
            this.errno = errno;
        }

        public int errno() {
            return errno;
        }
    }

    /** The few libc calls this socket needs, direct-mapped (LP64 Linux: size_t is long). */
    private static final class Libc {

        static {
            Native.register(Libc.class, Platform.C_LIBRARY_NAME);
        }

        private Libc() {
        }

        static native int socket(int domain, int type, int protocol) throws LastErrorException;

        static native int bind(int fd, Pointer address, int addressLength) throws LastErrorException;

        static native int getsockname(int fd, Pointer address, Pointer addressLength) throws LastErrorException;

        static native int setsockopt(int fd, int level, int name, Pointer value, int valueLength)
                throws LastErrorException;

        static native long send(int fd, byte[] buffer, long length, int flags) throws LastErrorException;

        static native long recv(int fd, byte[] buffer, long length, int flags) throws LastErrorException;

        static native int poll(Pointer fds, long count, int timeoutMillis) throws LastErrorException;

        static native int close(int fd);

        static native String strerror(int errno);
    }
}
