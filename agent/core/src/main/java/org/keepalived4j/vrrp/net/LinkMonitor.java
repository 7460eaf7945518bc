package org.keepalived4j.vrrp.net;

import java.io.IOException;

/**
 * Link (and address) change notifications from the kernel, read without blocking when the
 * {@link Poller} reports {@link #fd()} readable:
 * {@code poller.register(monitor.fd(), (fd, failed) -> monitor.processReadable())}.
 */
public interface LinkMonitor extends AutoCloseable {

    /** The descriptor to register with the {@link Poller}. */
    int fd();

    /**
     * Asks for a full dump of links (and addresses), delivered through
     * {@link #processReadable()} and closed by {@link NetworkEventListener#dumpCompleted()}.
     * A request made while a dump is running starts another one after it.
     */
    void requestDump() throws IOException;

    /**
     * Reads everything queued and hands it to the listener. Never blocks. When the kernel
     * dropped notifications (socket buffer overrun) a new dump is requested automatically.
     */
    void processReadable() throws IOException;

    @Override
    void close();
}
