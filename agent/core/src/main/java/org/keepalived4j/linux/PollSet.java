package org.keepalived4j.linux;

import com.sun.jna.Memory;

/**
 * A reusable {@code struct pollfd} array waited on with {@code ppoll}, which takes a nanosecond
 * timeout. Slots are filled with {@link #set}; after {@link #poll} each slot's
 * {@link #readyEvents} tells what happened. Not thread-safe; nothing is allocated per poll.
 */
public final class PollSet implements AutoCloseable {

    /** Data may be read. */
    public static final int READABLE = SocketConstants.POLLIN;
    /** Error, hang-up or invalid descriptor. */
    public static final int FAILED = SocketConstants.POLLERR | SocketConstants.POLLHUP
            | SocketConstants.POLLNVAL;

    private static final int POLLFD_SIZE = 8;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Memory timeout = new Memory(16);
    private Memory fds;
    private int capacity;
    private int size;

    /** An empty set with room for {@code initialCapacity} descriptors before it grows. */
    public PollSet(int initialCapacity) {
        capacity = Math.max(1, initialCapacity);
        fds = new Memory((long) capacity * POLLFD_SIZE);
    }

    /** Number of slots in use. */
    public int size() {
        return size;
    }

    /** Sets the number of slots in use (growing the array if needed); new slots must be {@link #set}. */
    public void resize(int newSize) {
        if (newSize > capacity) {
            int newCapacity = Math.max(newSize, capacity * 2);
            Memory grown = new Memory((long) newCapacity * POLLFD_SIZE);
            grown.write(0, fds.getByteArray(0, size * POLLFD_SIZE), 0, size * POLLFD_SIZE);
            fds.close();
            fds = grown;
            capacity = newCapacity;
        }
        size = newSize;
    }

    /** Watches {@code fd} for readability in {@code slot}. */
    public void set(int slot, int fd) {
        long offset = offset(slot);
        fds.setInt(offset, fd);
        fds.setShort(offset + 4, SocketConstants.POLLIN);
        fds.setShort(offset + 6, (short) 0);
    }

    /** What {@code slot} reported in the last poll: a mix of {@link #READABLE} and {@link #FAILED}. */
    public int readyEvents(int slot) {
        return fds.getShort(offset(slot) + 6) & 0xffff;
    }

    /**
     * Waits until a descriptor is ready or {@code timeoutNanos} elapses.
     *
     * @return number of ready slots; 0 on timeout or when a signal interrupted the wait
     */
    public int poll(long timeoutNanos) throws SyscallException {
        if (timeoutNanos < 0) {
            throw new IllegalArgumentException("negative poll timeout " + timeoutNanos);
        }
        timeout.setLong(0, timeoutNanos / NANOS_PER_SECOND);
        timeout.setLong(8, timeoutNanos % NANOS_PER_SECOND);
        int ready = LibC.ppoll(fds, size, timeout, null);
        if (ready < 0) {
            int errno = LibC.errno();
            if (errno == Errno.EINTR) {
                clearReadyEvents();
                return 0;
            }
            throw new SyscallException("ppoll", errno);
        }
        return ready;
    }

    private void clearReadyEvents() {
        for (int slot = 0; slot < size; slot++) {
            fds.setShort(offset(slot) + 6, (short) 0);
        }
    }

    private long offset(int slot) {
        if (slot < 0 || slot >= size) {
            throw new IndexOutOfBoundsException("slot " + slot + " of " + size);
        }
        return (long) slot * POLLFD_SIZE;
    }

    @Override
    public void close() {
        fds.close();
        timeout.close();
    }
}
