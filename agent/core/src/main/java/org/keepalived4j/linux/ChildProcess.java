package org.keepalived4j.linux;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.StringArray;
import java.util.List;
import java.util.Optional;

/**
 * A child process started with posix_spawn in a process group of its own (so that one signal
 * reaches everything it forks), with stdin, stdout and stderr on {@code /dev/null}, every other
 * descriptor closed, all signals at their default action and none blocked. The descriptor this
 * object owns is a pidfd: it becomes readable when the process ends, so one thread can wait for
 * any number of children with poll. The child must be {@link #reap() reaped} before
 * {@link #close()}, or it stays a zombie.
 */
public final class ChildProcess extends NativeDescriptor {

    public static final int SIGKILL = 9;
    public static final int SIGTERM = 15;

    private static final long SYS_PIDFD_OPEN = 434; // x86_64 and aarch64 share the numbers from 424 on
    private static final int WNOHANG = 1;
    private static final int ESRCH = 3;
    private static final int O_WRONLY = 1;
    private static final short FLAGS = 0x02 | 0x04 | 0x08; // SETPGROUP | SETSIGDEF | SETSIGMASK
    // opaque glibc types, initialised by their *_init calls; sized well above glibc's 336, 80 and 128 bytes
    private static final int ATTRIBUTES_SIZE = 1024;
    private static final int ACTIONS_SIZE = 512;
    private static final int SIGSET_SIZE = 256;

    private final int pid;
    private final Memory status = new Memory(4);

    private ChildProcess(int pidfd, int pid) {
        super(pidfd);
        this.pid = pid;
    }

    /**
     * Starts {@code argv} (the program found on the PATH as execvp does) with exactly
     * {@code environment} ({@code NAME=value} entries).
     *
     * @throws SyscallException when the program cannot be executed (ENOENT, EACCES...) or the
     *         process cannot be created
     */
    public static ChildProcess start(List<String> argv, List<String> environment) throws SyscallException {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("nothing to run");
        }
        int pid = spawn(argv, environment);
        long pidfd = LibC.syscall(SYS_PIDFD_OPEN, pid, 0);
        if (pidfd < 0) {
            SyscallException failure = SyscallException.lastError("pidfd_open");
            LibC.kill(-pid, SIGKILL);
            try (Memory ignored = new Memory(4)) {
                LibC.waitpid(pid, ignored, 0);
            }
            throw failure;
        }
        return new ChildProcess((int) pidfd, pid);
    }

    private static int spawn(List<String> argv, List<String> environment) throws SyscallException {
        try (Memory attributes = new Memory(ATTRIBUTES_SIZE); Memory actions = new Memory(ACTIONS_SIZE);
                Memory signals = new Memory(SIGSET_SIZE); Memory pid = new Memory(4)) {
            LibC.posix_spawnattr_init(attributes);
            LibC.posix_spawn_file_actions_init(actions);
            try {
                LibC.posix_spawnattr_setflags(attributes, FLAGS);
                LibC.posix_spawnattr_setpgroup(attributes, 0);
                LibC.sigemptyset(signals);
                LibC.posix_spawnattr_setsigmask(attributes, signals);
                LibC.sigfillset(signals);
                LibC.posix_spawnattr_setsigdefault(attributes, signals);
                LibC.posix_spawn_file_actions_addopen(actions, 0, "/dev/null", SocketConstants.O_RDONLY, 0);
                LibC.posix_spawn_file_actions_addopen(actions, 1, "/dev/null", O_WRONLY, 0);
                LibC.posix_spawn_file_actions_adddup2(actions, 1, 2);
                CloseFrom.addTo(actions);
                int error = LibC.posix_spawnp(pid, argv.get(0), actions, attributes,
                        new StringArray(argv.toArray(String[]::new)),
                        new StringArray(environment.toArray(String[]::new)));
                if (error != 0) {
                    throw new SyscallException("posix_spawn(" + argv.get(0) + ")", error);
                }
                return pid.getInt(0);
            } finally {
                LibC.posix_spawn_file_actions_destroy(actions);
                LibC.posix_spawnattr_destroy(attributes);
            }
        }
    }

    /** The process id, which is also the id of its process group. */
    public int pid() {
        return pid;
    }

    /** Without waiting: how the process ended (and it is reaped), or empty while it runs. */
    public Optional<WaitStatus> reap() throws SyscallException {
        int result = LibC.waitpid(pid, status, WNOHANG);
        if (result < 0) {
            throw SyscallException.lastError("waitpid(" + pid + ")");
        }
        return result == 0 ? Optional.empty() : Optional.of(new WaitStatus(status.getInt(0)));
    }

    /**
     * Sends {@code signal} to every process in the child's group (which outlives a reaped leader
     * while its members live).
     *
     * @return false when no process is left in the group
     */
    public boolean signalGroup(int signal) throws SyscallException {
        if (LibC.kill(-pid, signal) == 0) {
            return true;
        }
        int errno = LibC.errno();
        if (errno == ESRCH) {
            return false;
        }
        throw new SyscallException("kill(-" + pid + ")", errno);
    }

    @Override
    protected void releaseResources() {
        status.close();
    }

    /**
     * Closes every descriptor from 3 up in the child: glibc 2.34's
     * posix_spawn_file_actions_addclosefrom_np where it exists, else one close action for each
     * descriptor open now (the JVM leaves many without close-on-exec).
     */
    private static final class CloseFrom {

        private static final Function CLOSE_FROM = lookup();

        private static Function lookup() {
            try {
                return NativeLibrary.getInstance(Platform.C_LIBRARY_NAME)
                        .getFunction("posix_spawn_file_actions_addclosefrom_np");
            } catch (UnsatisfiedLinkError e) {
                return null;
            }
        }

        static void addTo(Memory actions) {
            if (CLOSE_FROM != null) {
                CLOSE_FROM.invokeInt(new Object[] {actions, 3});
                return;
            }
            java.io.File[] open = new java.io.File("/proc/self/fd").listFiles();
            for (java.io.File fd : open == null ? new java.io.File[0] : open) {
                int n = Integer.parseInt(fd.getName());
                if (n > 2) {
                    LibC.posix_spawn_file_actions_addclose(actions, n);
                }
            }
        }
    }
}
