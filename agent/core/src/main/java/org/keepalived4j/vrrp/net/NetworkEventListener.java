package org.keepalived4j.vrrp.net;

/**
 * Receives what a {@link LinkMonitor} reads, on the thread that calls
 * {@link LinkMonitor#processReadable()}. Order: for a dump, every link, then (when addresses
 * are monitored) every address, then {@link #dumpCompleted()}; change notifications may be
 * interleaved with a dump.
 */
public interface NetworkEventListener {

    /** A link appeared, changed or went away. */
    void linkChanged(LinkEvent event);

    /** An address appeared or went away (only when the monitor watches addresses). */
    default void addressChanged(AddressEvent event) {
    }

    /**
     * A full dump has been delivered: links (and addresses) not reported since the dump began
     * no longer exist. Follows the initial dump and every resynchronisation after the kernel
     * dropped notifications.
     */
    default void dumpCompleted() {
    }
}
