package org.keepalived4j.exporter.alerts.fifo;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;

/**
 * The libc calls Java lacks for a notify FIFO: opening it without blocking, mkfifo, signalling a
 * process group, and the ids of a user and group. Direct-mapped; errno is read through
 * {@link Native#getLastError()} right after the call, on the same thread. Sizes and the
 * {@code struct passwd}/{@code struct group} offsets follow the LP64 Linux ABI (x86_64, aarch64).
 */
final class FifoCalls {

    static final int O_WRONLY = 01;
    static final int O_NONBLOCK = 04000;
    static final int O_CLOEXEC = 02000000;
    static final int ENOENT = 2;
    static final int ESRCH = 3;
    static final int ENXIO = 6;
    static final int EAGAIN = 11;
    static final int EEXIST = 17;
    static final int EPIPE = 32;
    static final int SIGKILL = 9;
    static final int SIGTERM = 15;
    /** Writes up to this size to a pipe are atomic (Linux's PIPE_BUF). */
    static final int PIPE_BUF = 4096;

    private static final int PW_UID = 16;
    private static final int PW_GID = 20;
    private static final int GR_GID = 16;

    static {
        Native.register(FifoCalls.class, Platform.C_LIBRARY_NAME);
    }

    private FifoCalls() {
    }

    static native int open(String path, int flags);

    static native long write(int fd, byte[] buffer, long length);

    static native int close(int fd);

    static native int mkfifo(String path, int mode);

    static native int kill(int pid, int signal);

    static native int geteuid();

    static native int getegid();

    static native Pointer getpwnam(String name);

    static native Pointer getgrnam(String name);

    static native String strerror(int errno);

    static int errno() {
        return Native.getLastError();
    }

    /** {@code call} failing with {@code errno}, with the system's text for it. */
    static IOException failure(String call, int errno) {
        String text = strerror(errno);
        return new IOException(call + " failed: " + (text == null ? "error " + errno : text) + " (errno " + errno + ")");
    }

    /** A user's uid and primary gid, or {@code null} when there is no such user. */
    static int[] user(String name) {
        Pointer p = getpwnam(name);
        return p == null ? null : new int[] {p.getInt(PW_UID), p.getInt(PW_GID)};
    }

    /** A group's gid, or -1 when there is no such group. */
    static int group(String name) {
        Pointer p = getgrnam(name);
        return p == null ? -1 : p.getInt(GR_GID);
    }
}
