package org.keepalived4j.vrrp.net;

/** A descriptor registered with a {@link Poller}; closing it unregisters (the fd stays open). */
public interface PollRegistration extends AutoCloseable {

    /** The registered descriptor. */
    int fd();

    /** Stops watching the descriptor; from the next poll on its handler is not called. */
    @Override
    void close();
}
