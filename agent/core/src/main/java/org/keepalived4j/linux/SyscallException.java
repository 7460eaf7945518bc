package org.keepalived4j.linux;

import java.io.IOException;

/**
 * A failed system call: which call (with the detail that identifies it, such as the socket
 * option), the errno value and the system's text for it.
 */
public class SyscallException extends IOException {

    private final String call;
    private final int errno;

    /** Builds the exception for {@code call} failing with {@code errno}; the text comes from strerror. */
    public SyscallException(String call, int errno) {
        this(call, errno, describe(errno));
    }

    protected SyscallException(String call, int errno, String text) {
        super(call + " failed: " + text + " (" + Errno.name(errno) + ")");
        this.call = call;
        this.errno = errno;
    }

    /** The call that failed, for example {@code "setsockopt(IP_ADD_MEMBERSHIP)"}. */
    public String call() {
        return call;
    }

    /** The errno value. */
    public int errno() {
        return errno;
    }

    /** The symbolic errno name, for example {@code "EADDRNOTAVAIL"}. */
    public String errnoName() {
        return Errno.name(errno);
    }

    /** strerror text of an errno value. */
    static String describe(int errno) {
        String text = LibC.strerror(errno);
        return text != null ? text : "Unknown error " + errno;
    }

    /** The exception for the errno the last libc call on this thread left behind. */
    static SyscallException lastError(String call) {
        return new SyscallException(call, LibC.errno());
    }
}
