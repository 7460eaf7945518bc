package org.keepalived4j.linux;

import com.sun.jna.Memory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open file descriptor owned by this object and released by {@link #close()}. Subclasses
 * free their native buffers in {@link #releaseResources()}.
 */
public abstract class NativeDescriptor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NativeDescriptor.class);

    private final int fd;
    private volatile boolean closed;

    protected NativeDescriptor(int fd) {
        this.fd = fd;
    }

    /**
     * The descriptor number, for registering with a poller.
     *
     * @throws IllegalStateException once closed (the number may already belong to another file)
     */
    public final int fd() {
        if (closed) {
            throw new IllegalStateException(getClass().getSimpleName() + " is closed");
        }
        return fd;
    }

    /** Whether {@link #close()} has not been called yet. */
    public final boolean isOpen() {
        return !closed;
    }

    /** Closes the descriptor and frees native buffers; later calls do nothing. */
    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            releaseResources();
        } finally {
            if (LibC.close(fd) != 0) {
                int errno = LibC.errno();
                LOG.debug("close({}) failed: {}", fd, Errno.name(errno));
            }
        }
    }

    /** Frees what the subclass allocated; called once from {@link #close()}. */
    protected void releaseResources() {
    }

    /**
     * Sets the socket's receive buffer to {@code bytes} with SO_RCVBUF, which the kernel doubles
     * (for its bookkeeping) and caps at {@code net.core.rmem_max}; with {@code force},
     * SO_RCVBUFFORCE first, which is not capped but needs CAP_NET_ADMIN, then SO_RCVBUF if that
     * is refused.
     *
     * @param scratch at least 4 bytes of the subclass's native option buffer
     */
    protected final void setReceiveBuffer(Memory scratch, int bytes, boolean force) throws SyscallException {
        scratch.setInt(0, bytes);
        if (force && LibC.setsockopt(fd(), SocketConstants.SOL_SOCKET, SocketConstants.SO_RCVBUFFORCE, scratch, 4)
                == 0) {
            return;
        }
        check(LibC.setsockopt(fd(), SocketConstants.SOL_SOCKET, SocketConstants.SO_RCVBUF, scratch, 4),
                "setsockopt(SO_RCVBUF)");
    }

    /** Closes a freshly created descriptor on a failure path before its owner exists. */
    static void closeQuietly(int fd) {
        if (fd >= 0) {
            LibC.close(fd);
        }
    }

    static int check(int result, String call) throws SyscallException {
        if (result < 0) {
            throw SyscallException.lastError(call);
        }
        return result;
    }

    static long check(long result, String call) throws SyscallException {
        if (result < 0) {
            throw SyscallException.lastError(call);
        }
        return result;
    }
}
