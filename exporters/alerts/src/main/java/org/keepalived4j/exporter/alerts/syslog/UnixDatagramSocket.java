package org.keepalived4j.exporter.alerts.syslog;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A non-blocking AF_UNIX SOCK_DGRAM socket ({@code /dev/log}), which Java 17's channels cannot
 * open: socket(2), sendto(2) and close(2) through JNA, plus bind(2) and recv(2) for a receiver.
 * Every call is non-blocking, so a reader that stopped reading gives EAGAIN instead of a sender
 * stuck in sendto. A failed call throws an {@link IOException} naming the call and the errno text.
 *
 * <p>The exporters may not depend on the daemon's core, so this is a second, minimal libc
 * binding with the core's conventions: direct mapping, LP64 sizes ({@code size_t} as
 * {@code long}), errno read right after the call. Not thread-safe.
 */
final class UnixDatagramSocket implements AutoCloseable {

    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_NONBLOCK = 0x800;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int MSG_NOSIGNAL = 0x4000;
    private static final int EAGAIN = 11;
    /** sun_path holds 108 bytes, the terminating NUL included. */
    static final int MAX_PATH_BYTES = 107;

    private int fd;

    private UnixDatagramSocket(int fd) {
        this.fd = fd;
    }

    /** Opens an unbound, non-blocking, close-on-exec socket. */
    static UnixDatagramSocket open() throws IOException {
        int fd;
        try {
            fd = LibC.socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        } catch (LinkageError e) {
            throw new IOException("AF_UNIX sockets need JNA's native library: " + e, e);
        }
        if (fd < 0) {
            throw failure("socket(AF_UNIX, SOCK_DGRAM)", Native.getLastError());
        }
        return new UnixDatagramSocket(fd);
    }

    /** Sends one datagram to the socket bound at {@code path}. */
    void send(String path, byte[] datagram) throws IOException {
        Memory address = address(path);
        Memory data = new Memory(Math.max(1, datagram.length));
        data.write(0, datagram, 0, datagram.length);
        long sent = LibC.sendto(fd(), data, datagram.length, MSG_DONTWAIT | MSG_NOSIGNAL, address,
                (int) address.size());
        if (sent < 0) {
            throw failure("sendto(" + path + ")", Native.getLastError());
        }
        if (sent != datagram.length) {
            throw new IOException("sendto(" + path + ") sent " + sent + " of " + datagram.length + " bytes");
        }
    }

    /** Binds to {@code path}, which must not exist yet. */
    void bind(String path) throws IOException {
        Memory address = address(path);
        if (LibC.bind(fd(), address, (int) address.size()) < 0) {
            throw failure("bind(" + path + ")", Native.getLastError());
        }
    }

    /** The next datagram waiting, or {@code null} when none is. */
    byte[] receive(int maxBytes) throws IOException {
        Memory buffer = new Memory(maxBytes);
        long n = LibC.recv(fd(), buffer, maxBytes, MSG_DONTWAIT);
        if (n < 0) {
            int errno = Native.getLastError();
            if (errno == EAGAIN) {
                return null;
            }
            throw failure("recv", errno);
        }
        return buffer.getByteArray(0, (int) n);
    }

    private int fd() throws IOException {
        if (fd < 0) {
            throw new IOException("socket closed");
        }
        return fd;
    }

    /** A sockaddr_un for {@code path}, sized as the kernel wants it: family, path, terminating NUL. */
    private static Memory address(String path) {
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > MAX_PATH_BYTES) {
            throw new IllegalArgumentException("a socket path has 1 to " + MAX_PATH_BYTES + " bytes: " + path);
        }
        Memory m = new Memory(2 + bytes.length + 1);
        m.clear();
        m.setShort(0, (short) AF_UNIX);
        m.write(2, bytes, 0, bytes.length);
        return m;
    }

    private static IOException failure(String call, int errno) {
        String text = LibC.strerror(errno);
        return new IOException(call + " failed: " + (text != null ? text : "error " + errno) + " (errno " + errno
                + ")");
    }

    @Override
    public void close() {
        if (fd >= 0) {
            LibC.close(fd);
            fd = -1;
        }
    }

    /** Direct-mapped libc; loaded on first use, so a sink without a unix target never loads JNA. */
    private static final class LibC {

        static {
            if (!Platform.isLinux() || Native.POINTER_SIZE != 8) {
                throw new UnsupportedOperationException("AF_UNIX syslog needs 64-bit Linux, found "
                        + System.getProperty("os.name") + " with " + Native.POINTER_SIZE + "-byte pointers");
            }
            Native.register(LibC.class, Platform.C_LIBRARY_NAME);
        }

        private LibC() {
        }

        static native int socket(int domain, int type, int protocol);

        static native int bind(int fd, Pointer address, int addressLength);

        static native long sendto(int fd, Pointer buffer, long length, int flags, Pointer address,
                int addressLength);

        static native long recv(int fd, Pointer buffer, long length, int flags);

        static native int close(int fd);

        static native String strerror(int errno);
    }
}
