package org.keepalived4j.linux;

import com.sun.jna.Memory;
import java.util.function.BiConsumer;

/**
 * A non-blocking inotify descriptor watching directories for files that were written and
 * closed, moved in, moved away or deleted. {@link #drain} reads what is queued and hands each
 * event's watch and file name to the caller.
 */
public final class Inotify extends NativeDescriptor {

    /** A file opened for writing was closed. */
    public static final int IN_CLOSE_WRITE = 0x008;
    /** A file was moved out of the directory. */
    public static final int IN_MOVED_FROM = 0x040;
    /** A file was moved into the directory. */
    public static final int IN_MOVED_TO = 0x080;
    /** A file was deleted from the directory. */
    public static final int IN_DELETE = 0x200;

    private static final int IN_NONBLOCK = 0x800;
    private static final int IN_CLOEXEC = 0x80000;
    private static final int HEADER = 16; // wd, mask, cookie, len
    private static final int BUFFER = 64 * 1024;

    private final Memory buffer = new Memory(BUFFER);

    private Inotify(int fd) {
        super(fd);
    }

    public static Inotify open() throws SyscallException {
        return new Inotify(check(LibC.inotify_init1(IN_NONBLOCK | IN_CLOEXEC), "inotify_init1"));
    }

    /** Watches {@code directory} for {@code mask}; the same directory always gets the same watch number. */
    public int watch(String directory, int mask) throws SyscallException {
        return check(LibC.inotify_add_watch(fd(), directory, mask), "inotify_add_watch(" + directory + ")");
    }

    /** Reads every queued event, passing its watch number and file name (events without a name are skipped). */
    public void drain(BiConsumer<Integer, String> event) throws SyscallException {
        while (true) {
            long read = LibC.read(fd(), buffer, BUFFER);
            if (read < 0) {
                int errno = LibC.errno();
                if (errno == Errno.EAGAIN) {
                    return;
                }
                throw new SyscallException("read(inotify)", errno);
            }
            for (long at = 0; at + HEADER <= read; ) {
                int watch = buffer.getInt(at);
                int length = buffer.getInt(at + 12);
                if (length > 0) {
                    event.accept(watch, buffer.getString(at + HEADER));
                }
                at += HEADER + length;
            }
        }
    }

    @Override
    protected void releaseResources() {
        buffer.close();
    }
}
