package org.keepalived4j.vrrp;

/**
 * What a VRRP instance does to the outside world. The engine implements it with raw sockets
 * and rtnetlink; tests with a recording fake.
 */
interface InstanceIo {

    /** Sends one advertisement with this priority now (0 when stepping down). */
    void sendAdvert(VrrpInstance instance, int priority);

    /** Installs the instance's virtual and excluded addresses. */
    void installAddresses(VrrpInstance instance);

    /** Removes the instance's virtual and excluded addresses. */
    void removeAddresses(VrrpInstance instance);

    /**
     * Queues {@code repeat} gratuitous ARPs (IPv4) / unsolicited neighbour advertisements (IPv6)
     * for every address of the instance; the engine paces them per interface
     * ({@code vrrp_garp_interval}, {@code vrrp_gna_interval}).
     */
    void announce(VrrpInstance instance, int repeat);
}
