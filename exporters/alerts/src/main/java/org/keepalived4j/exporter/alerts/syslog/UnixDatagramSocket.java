package org.keepalived4j.exporter.alerts.syslog;

import com.sun.jna.Memory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.keepalived4j.exporter.alerts.linux.Libc;

/**
 * A non-blocking AF_UNIX SOCK_DGRAM socket ({@code /dev/log}), which Java 17's channels cannot
 * open: socket(2), sendto(2) and close(2) through {@link Libc}, plus bind(2) and recv(2) for a
 * receiver. Every call is non-blocking, so a reader that stopped reading gives EAGAIN instead of
 * a sender stuck in sendto. A failed call throws an {@link IOException} naming the call and the
 * errno text. Not thread-safe.
 */
final class UnixDatagramSocket implements AutoCloseable {

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
            fd = Libc.socket(Libc.AF_UNIX, Libc.SOCK_DGRAM | Libc.SOCK_NONBLOCK | Libc.SOCK_CLOEXEC, 0);
        } catch (LinkageError e) {
            throw new IOException("AF_UNIX sockets need JNA's native library: " + e, e);
        }
        if (fd < 0) {
            throw Libc.failure("socket(Libc.AF_UNIX, Libc.SOCK_DGRAM)", Libc.errno());
        }
        return new UnixDatagramSocket(fd);
    }

    /** Sends one datagram to the socket bound at {@code path}. */
    void send(String path, byte[] datagram) throws IOException {
        Memory address = address(path);
        Memory data = new Memory(Math.max(1, datagram.length));
        data.write(0, datagram, 0, datagram.length);
        long sent = Libc.sendto(fd(), data, datagram.length, Libc.MSG_DONTWAIT | Libc.MSG_NOSIGNAL, address,
                (int) address.size());
        if (sent < 0) {
            throw Libc.failure("sendto(" + path + ")", Libc.errno());
        }
        if (sent != datagram.length) {
            throw new IOException("sendto(" + path + ") sent " + sent + " of " + datagram.length + " bytes");
        }
    }

    /** Binds to {@code path}, which must not exist yet. */
    void bind(String path) throws IOException {
        Memory address = address(path);
        if (Libc.bind(fd(), address, (int) address.size()) < 0) {
            throw Libc.failure("bind(" + path + ")", Libc.errno());
        }
    }

    /** The next datagram waiting, or {@code null} when none is. */
    byte[] receive(int maxBytes) throws IOException {
        Memory buffer = new Memory(maxBytes);
        long n = Libc.recv(fd(), buffer, maxBytes, Libc.MSG_DONTWAIT);
        if (n < 0) {
            int errno = Libc.errno();
            if (errno == Libc.EAGAIN) {
                return null;
            }
            throw Libc.failure("recv", errno);
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
        m.setShort(0, (short) Libc.AF_UNIX);
        m.write(2, bytes, 0, bytes.length);
        return m;
    }

    @Override
    public void close() {
        if (fd >= 0) {
            Libc.close(fd);
            fd = -1;
        }
    }
}
