package org.keepalived4j.exporter.alerts.linux;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;

/**
 * The libc calls Java lacks, for every alert sink that needs one: a notify FIFO opened without
 * blocking, mkfifo, signalling a process group, the ids of a user and group (the FIFO sinks), and
 * AF_UNIX datagram sockets (the syslog sink's {@code /dev/log}). Direct-mapped, loaded on first
 * use, so a configuration without such a sink never loads JNA; errno is read through
 * {@link Native#getLastError()} right after the call, on the same thread. Sizes and the
 * {@code struct passwd}/{@code struct group} offsets follow the LP64 Linux ABI (x86_64, aarch64),
 * the platforms keepalived4j runs on: elsewhere the first use fails with an
 * {@link UnsatisfiedLinkError} saying so, which the sinks report as a delivery that cannot be made.
 */
public final class Libc {

    public static final int O_WRONLY = 01;
    public static final int O_NONBLOCK = 04000;
    public static final int O_CLOEXEC = 02000000;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int ENXIO = 6;
    public static final int EAGAIN = 11;
    public static final int EEXIST = 17;
    public static final int EPIPE = 32;
    public static final int SIGKILL = 9;
    public static final int SIGTERM = 15;
    /** Writes up to this size to a pipe are atomic (Linux's PIPE_BUF). */
    public static final int PIPE_BUF = 4096;

    private static final int PW_UID = 16;
    private static final int PW_GID = 20;
    private static final int GR_GID = 16;

    public static final int AF_UNIX = 1;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_NONBLOCK = 0x800;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int MSG_DONTWAIT = 0x40;
    public static final int MSG_NOSIGNAL = 0x4000;

    static {
        if (!Platform.isLinux() || Native.POINTER_SIZE != 8) {
            throw new UnsatisfiedLinkError("the alert sinks' native calls follow the 64-bit Linux ABI (x86_64,"
                    + " aarch64); this JVM runs on " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch"));
        }
        Native.register(Libc.class, Platform.C_LIBRARY_NAME);
    }

    private Libc() {
    }

    public static native int open(String path, int flags);

    public static native long write(int fd, byte[] buffer, long length);

    public static native int close(int fd);

    public static native int mkfifo(String path, int mode);

    public static native int kill(int pid, int signal);

    public static native int geteuid();

    public static native int getegid();

    public static native Pointer getpwnam(String name);

    public static native Pointer getgrnam(String name);

    public static native String strerror(int errno);

    public static native int socket(int domain, int type, int protocol);

    public static native int bind(int fd, Pointer address, int addressLength);

    public static native long sendto(int fd, Pointer buffer, long length, int flags, Pointer address,
            int addressLength);

    public static native long recv(int fd, Pointer buffer, long length, int flags);

    public static int errno() {
        return Native.getLastError();
    }

    /** {@code call} failing with {@code errno}, with the system's text for it. */
    public static IOException failure(String call, int errno) {
        String text = strerror(errno);
        return new IOException(call + " failed: " + (text == null ? "error " + errno : text) + " (errno " + errno + ")");
    }

    /** A user's uid and primary gid, or {@code null} when there is no such user. */
    public static int[] user(String name) {
        Pointer p = getpwnam(name);
        return p == null ? null : new int[] {p.getInt(PW_UID), p.getInt(PW_GID)};
    }

    /** A group's gid, or -1 when there is no such group. */
    public static int group(String name) {
        Pointer p = getgrnam(name);
        return p == null ? -1 : p.getInt(GR_GID);
    }
}
