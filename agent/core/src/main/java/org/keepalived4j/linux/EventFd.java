package org.keepalived4j.linux;

import com.sun.jna.Memory;

/**
 * A non-blocking eventfd: any thread may {@link #signal()} it, the owner of the poll loop sees it
 * readable and {@link #drain() drains} it. Used to wake a thread sleeping in {@code ppoll}.
 */
public final class EventFd extends NativeDescriptor {

    private final Memory one = new Memory(8);
    private final Memory sink = new Memory(8);

    private EventFd(int fd) {
        super(fd);
        one.setLong(0, 1L);
    }

    /** Creates a non-blocking, close-on-exec eventfd with counter 0. */
    public static EventFd open() throws SyscallException {
        return new EventFd(check(LibC.eventfd(0,
                SocketConstants.EFD_NONBLOCK | SocketConstants.EFD_CLOEXEC), "eventfd"));
    }

    /**
     * Adds one to the counter, making the descriptor readable. Thread-safe and never blocks (a
     * saturated counter, which would need 2^64-2 signals, reports EAGAIN and is already readable).
     */
    public void signal() throws SyscallException {
        if (LibC.write(fd(), one, 8) < 0) {
            int errno = LibC.errno();
            if (errno != Errno.EAGAIN) {
                throw new SyscallException("write(eventfd)", errno);
            }
        }
    }

    /** Resets the counter to zero; returns whether it had been signalled. */
    public boolean drain() throws SyscallException {
        if (LibC.read(fd(), sink, 8) < 0) {
            int errno = LibC.errno();
            if (errno == Errno.EAGAIN) {
                return false;
            }
            throw new SyscallException("read(eventfd)", errno);
        }
        return true;
    }

    @Override
    protected void releaseResources() {
        one.close();
        sink.close();
    }
}
