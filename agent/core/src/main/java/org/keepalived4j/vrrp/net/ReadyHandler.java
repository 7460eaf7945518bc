package org.keepalived4j.vrrp.net;

/** Called on the polling thread when a registered descriptor is ready. */
@FunctionalInterface
public interface ReadyHandler {

    /**
     * @param fd the ready descriptor
     * @param failed whether poll reported an error, hang-up or invalid descriptor (reading it
     *     will tell which); otherwise the descriptor is readable
     */
    void ready(int fd, boolean failed);
}
