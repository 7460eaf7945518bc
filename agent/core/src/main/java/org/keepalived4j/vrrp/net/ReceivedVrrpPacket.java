package org.keepalived4j.vrrp.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What {@link RawVrrpSocket#receive} learnt about the datagram it copied: a mutable holder the
 * loop reuses for every receive so that receiving allocates nothing.
 *
 * <p>IPv4: the buffer starts with the IPv4 header ({@link #payloadOffset()} = IHL * 4);
 * {@link #hopLimit()} is its TTL and the addresses are those of the header. IPv6: the buffer
 * starts with the VRRP message ({@link #payloadOffset()} = 0); destination and hop limit come
 * from IPV6_PKTINFO / IPV6_HOPLIMIT.
 */
public final class ReceivedVrrpPacket {

    private final byte[] source = new byte[16];
    private final byte[] destination = new byte[16];
    private boolean ipv6;
    private int length;
    private int payloadOffset;
    private int hopLimit = -1;
    private int interfaceIndex;
    private boolean truncated;

    /** Fills the holder (the socket implementation and test fakes call this). */
    public void set(boolean ipv6, int length, int payloadOffset, byte[] sourceAddress,
            byte[] destinationAddress, int hopLimit, int interfaceIndex, boolean truncated) {
        int addressLength = ipv6 ? 16 : 4;
        this.ipv6 = ipv6;
        this.length = length;
        this.payloadOffset = payloadOffset;
        System.arraycopy(sourceAddress, 0, source, 0, addressLength);
        System.arraycopy(destinationAddress, 0, destination, 0, addressLength);
        this.hopLimit = hopLimit;
        this.interfaceIndex = interfaceIndex;
        this.truncated = truncated;
    }

    /** Whether the datagram came over IPv6. */
    public boolean ipv6() {
        return ipv6;
    }

    /** Bytes copied into the caller's buffer. */
    public int length() {
        return length;
    }

    /** Where the VRRP message starts in the buffer. */
    public int payloadOffset() {
        return payloadOffset;
    }

    /** IPv4 TTL or IPv6 hop limit, or -1 when unknown. */
    public int hopLimit() {
        return hopLimit;
    }

    /** Interface index the datagram arrived on (0 when unknown). */
    public int interfaceIndex() {
        return interfaceIndex;
    }

    /** Whether the datagram was longer than the buffer. */
    public boolean truncated() {
        return truncated;
    }

    /** Copies the source address (4 or 16 bytes) into {@code target}; returns its length. */
    public int copySource(byte[] target) {
        int addressLength = ipv6 ? 16 : 4;
        System.arraycopy(source, 0, target, 0, addressLength);
        return addressLength;
    }

    /** Copies the destination address (4 or 16 bytes) into {@code target}; returns its length. */
    public int copyDestination(byte[] target) {
        int addressLength = ipv6 ? 16 : 4;
        System.arraycopy(destination, 0, target, 0, addressLength);
        return addressLength;
    }

    /** The source address as an object (allocates). */
    public InetAddress source() {
        return toAddress(source);
    }

    /** The destination address as an object (allocates). */
    public InetAddress destination() {
        return toAddress(destination);
    }

    private InetAddress toAddress(byte[] raw) {
        byte[] copy = new byte[ipv6 ? 16 : 4];
        System.arraycopy(raw, 0, copy, 0, copy.length);
        try {
            return InetAddress.getByAddress(copy);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of length " + copy.length, e);
        }
    }
}
