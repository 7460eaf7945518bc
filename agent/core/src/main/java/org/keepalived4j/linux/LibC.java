package org.keepalived4j.linux;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * Direct-mapped libc entry points. Every method returns the raw libc result; callers turn a
 * failure into a {@link SyscallException} right away (errno is read through
 * {@link Native#getLastError()}, which JNA keeps per thread after every call).
 *
 * <p>Sizes follow the LP64 Linux ABI (x86_64, aarch64): {@code size_t}/{@code ssize_t} are
 * {@code long}, {@code socklen_t} is {@code int}.
 */
final class LibC {

    static {
        if (!Platform.isLinux() || Native.POINTER_SIZE != 8) {
            throw new UnsupportedOperationException(
                    "keepalived4j needs 64-bit Linux, found " + System.getProperty("os.name")
                            + " with " + Native.POINTER_SIZE + "-byte pointers");
        }
        Native.register(LibC.class, Platform.C_LIBRARY_NAME);
    }

    private LibC() {
    }

    static native int socket(int domain, int type, int protocol);

    static native int close(int fd);

    static native int bind(int fd, Pointer address, int addressLength);

    static native int getsockname(int fd, Pointer address, Pointer addressLength);

    static native int setsockopt(int fd, int level, int name, Pointer value, int valueLength);

    static native int getsockopt(int fd, int level, int name, Pointer value, Pointer valueLength);

    static native long sendto(int fd, Pointer buffer, long length, int flags, Pointer address,
            int addressLength);

    static native long sendmsg(int fd, Pointer message, int flags);

    static native long recvmsg(int fd, Pointer message, int flags);

    static native long read(int fd, Pointer buffer, long length);

    static native long write(int fd, Pointer buffer, long length);

    static native int ppoll(Pointer fds, long count, Pointer timeout, Pointer signalMask);

    static native int eventfd(int initialValue, int flags);

    static native int open(String path, int flags);

    static native int setns(int fd, int namespaceType);

    static native int getpid();

    static native int gettid();

    static native int sched_setscheduler(int pid, int policy, Pointer param);

    static native int sched_getscheduler(int pid);

    static native int sched_setaffinity(int pid, long size, Pointer mask);

    static native int sched_getaffinity(int pid, long size, Pointer mask);

    static native int setpriority(int which, int who, int priority);

    static native int getpriority(int which, int who);

    static native int getrlimit(int resource, Pointer limit);

    static native int setrlimit(int resource, Pointer limit);

    static native int mlockall(int flags);

    static native int munlockall();

    static native int inotify_init1(int flags);

    static native int inotify_add_watch(int fd, String path, int mask);

    static native int kill(int pid, int signal);

    static native int waitpid(int pid, Pointer status, int options);

    /** The raw syscall(2) with two integer arguments (same registers as the variadic call on LP64). */
    static native long syscall(long number, long first, long second);

    static native int geteuid();

    static native int getegid();

    static native int getpwnam_r(String name, Pointer passwd, Pointer buffer, long size, Pointer result);

    static native int getgrnam_r(String name, Pointer group, Pointer buffer, long size, Pointer result);

    static native int posix_spawnp(Pointer pid, String file, Pointer actions, Pointer attributes, Pointer argv,
            Pointer envp);

    static native int posix_spawn_file_actions_init(Pointer actions);

    static native int posix_spawn_file_actions_destroy(Pointer actions);

    static native int posix_spawn_file_actions_addopen(Pointer actions, int fd, String path, int flags, int mode);

    static native int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newFd);

    static native int posix_spawn_file_actions_addclose(Pointer actions, int fd);

    static native int posix_spawnattr_init(Pointer attributes);

    static native int posix_spawnattr_destroy(Pointer attributes);

    static native int posix_spawnattr_setflags(Pointer attributes, short flags);

    static native int posix_spawnattr_setpgroup(Pointer attributes, int processGroup);

    static native int posix_spawnattr_setsigmask(Pointer attributes, Pointer mask);

    static native int posix_spawnattr_setsigdefault(Pointer attributes, Pointer signals);

    static native int sigemptyset(Pointer set);

    static native int sigfillset(Pointer set);

    static native String strerror(int errno);

    /** errno of the last failed call on this thread. */
    static int errno() {
        return Native.getLastError();
    }
}
