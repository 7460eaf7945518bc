package org.keepalived4j.ipvs;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * Identifies an IPVS virtual service, as the kernel does: either protocol + address + port, or
 * a firewall mark (then protocol, address and port are unset: 0 / {@code null}; the kernel
 * identifies a fwmark service by family and mark alone, so any given are dropped).
 *
 * @param ipv6 the address family (for fwmark services too)
 * @param protocol IPPROTO_TCP (6), IPPROTO_UDP (17), IPPROTO_SCTP (132), or 0 for fwmark services
 * @param address the virtual address, or {@code null} for fwmark services
 * @param port the virtual port (0 with persistence "port zero" services or fwmark)
 * @param fwmark the firewall mark, or 0
 */
public record IpvsServiceKey(boolean ipv6, int protocol, InetAddress address, int port, int fwmark) {

    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int SCTP = 132;

    public IpvsServiceKey {
        if (fwmark != 0) {
            protocol = 0;
            address = null;
            port = 0;
        } else {
            Objects.requireNonNull(address, "address");
            if ((address instanceof Inet6Address) != ipv6) {
                throw new IllegalArgumentException("address " + address.getHostAddress()
                        + " does not match the family " + (ipv6 ? "inet6" : "inet"));
            }
            if (protocol <= 0 || protocol > 0xffff) {
                throw new IllegalArgumentException("protocol must be set for an address service: " + protocol);
            }
        }
        if (port < 0 || port > 0xffff) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** An address service: protocol, virtual address (its family decides {@link #ipv6()}) and port. */
    public static IpvsServiceKey of(int protocol, InetAddress address, int port) {
        return new IpvsServiceKey(address instanceof Inet6Address, protocol, address, port, 0);
    }

    /** A firewall-mark service of the given family. */
    public static IpvsServiceKey fwmark(boolean ipv6, int fwmark) {
        if (fwmark == 0) {
            throw new IllegalArgumentException("fwmark 0 does not identify a service");
        }
        return new IpvsServiceKey(ipv6, 0, null, 0, fwmark);
    }

    /** A short operator-facing label in ipvsadm's style: {@code TCP 10.0.0.1:80}, {@code FWM 7 (inet6)}. */
    public String label() {
        if (fwmark != 0) {
            return "FWM " + Integer.toUnsignedString(fwmark) + " (" + (ipv6 ? "inet6" : "inet") + ")";
        }
        String host = ipv6 ? "[" + org.keepalived4j.net.AddressText.of(address) + "]" : org.keepalived4j.net.AddressText.of(address);
        return protocolName() + " " + host + ":" + port;
    }

    private String protocolName() {
        switch (protocol) {
            case TCP:
                return "TCP";
            case UDP:
                return "UDP";
            case SCTP:
                return "SCTP";
            default:
                return "proto " + protocol;
        }
    }
}
