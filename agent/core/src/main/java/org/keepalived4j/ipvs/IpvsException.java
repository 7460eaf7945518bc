package org.keepalived4j.ipvs;

/** The kernel refused an IPVS request (or there is no IPVS); carries errno when known. */
public class IpvsException extends Exception {

    private final int errno;

    public IpvsException(String message, int errno) {
        super(message);
        this.errno = errno;
    }

    IpvsException(String message, int errno, Throwable cause) {
        super(message, cause);
        this.errno = errno;
    }

    /** The kernel's errno, or 0 if the failure was not an errno. */
    public int errno() {
        return errno;
    }
}
