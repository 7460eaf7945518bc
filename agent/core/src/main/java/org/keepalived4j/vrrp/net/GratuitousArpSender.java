package org.keepalived4j.vrrp.net;

import java.io.IOException;
import java.net.Inet4Address;

/** Announces an IPv4 virtual address with a gratuitous ARP (see keepalived's garp). */
public interface GratuitousArpSender extends AutoCloseable {

    /**
     * Broadcasts one gratuitous ARP request for {@code address} out of interface
     * {@code interfaceIndex}; {@code senderMac} must be that interface's MAC (the VMAC with
     * {@code use_vmac}). Repeats and delays are the caller's business.
     */
    void send(int interfaceIndex, MacAddress senderMac, Inet4Address address) throws IOException;

    @Override
    void close();
}
