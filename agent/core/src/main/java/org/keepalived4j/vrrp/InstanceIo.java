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
     * Removes whichever of the instance's virtual and excluded addresses are on their
     * interfaces although the instance did not install them: left by a daemon that was killed
     * as MASTER, or added by hand. Called when an instance starts and stops outside MASTER, so
     * that only a MASTER ever holds them (keepalived 2.2.7 does the same at start:
     * {@code (VI_1) removing VIPs.}).
     */
    void removeStrayAddresses(VrrpInstance instance);

    /**
     * Whether the instance's address number {@code index} (its virtual addresses, then its
     * excluded ones, in configuration order) is on its interface now, as the kernel reports it.
     */
    boolean addressPresent(VrrpInstance instance, int index);

    /**
     * Queues {@code repeat} gratuitous ARPs (IPv4) / unsolicited neighbour advertisements (IPv6)
     * for every address of the instance; the engine paces them per interface
     * ({@code vrrp_garp_interval}, {@code vrrp_gna_interval}).
     */
    void announce(VrrpInstance instance, int repeat);
}
