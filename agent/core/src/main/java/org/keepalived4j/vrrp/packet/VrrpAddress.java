package org.keepalived4j.vrrp.packet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An immutable IPv4 or IPv6 address as the bytes that go on the wire (network byte order).
 *
 * <p>Cheaper than {@link InetAddress} (no host name, no scope, no lookup) and unambiguous: the
 * family is the length of the bytes. Equality is by family and bytes.
 */
public final class VrrpAddress {

    private final byte[] bytes;

    private VrrpAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * An address from its raw bytes.
     *
     * @param bytes 4 bytes (IPv4) or 16 bytes (IPv6), network byte order; copied
     * @throws IllegalArgumentException for any other length
     */
    public static VrrpAddress of(byte[] bytes) {
        if (bytes.length != 4 && bytes.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + bytes.length);
        }
        return new VrrpAddress(bytes.clone());
    }

    /** The address of an {@link InetAddress} (its scope, if any, is not kept). */
    public static VrrpAddress of(InetAddress address) {
        return new VrrpAddress(address.getAddress());
    }

    /**
     * Parses a numeric address literal ({@code 10.0.0.1}, {@code ff02::12}); never resolves a name.
     * An IPv4-mapped IPv6 literal ({@code ::ffff:10.0.0.1}) gives the IPv4 address, as in the JDK.
     *
     * @throws IllegalArgumentException if the text is not an IPv4 or IPv6 literal
     */
    public static VrrpAddress parse(String literal) {
        if (literal.indexOf(':') < 0) {
            return new VrrpAddress(parseIpv4(literal));
        }
        try {
            // With a ':' the JDK parses an IPv6 literal and never asks a resolver.
            return of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: " + literal, e);
        }
    }

    private static byte[] parseIpv4(String literal) {
        if (!literal.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("not an IP address literal: " + literal);
        }
        String[] parts = literal.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                throw new IllegalArgumentException("not an IP address literal: " + literal);
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    /** Reads {@code family.addressLength()} bytes at absolute {@code offset}, leaving the position alone. */
    static VrrpAddress read(ByteBuffer buffer, int offset, IpFamily family) {
        byte[] bytes = new byte[family.addressLength()];
        buffer.get(offset, bytes);
        return new VrrpAddress(bytes);
    }

    /** IPv4 or IPv6. */
    public IpFamily family() {
        return bytes.length == 4 ? IpFamily.IPV4 : IpFamily.IPV6;
    }

    /** A copy of the address bytes, network byte order. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** The byte at {@code index} (0 is the most significant), as 0-255. */
    public int byteAt(int index) {
        return bytes[index] & 0xff;
    }

    /** Whether this is an IPv4 (224.0.0.0/4) or IPv6 (ff00::/8) multicast address. */
    public boolean isMulticast() {
        return bytes.length == 4 ? (bytes[0] & 0xf0) == 0xe0 : (bytes[0] & 0xff) == 0xff;
    }

    /** Whether the bytes at absolute {@code offset} of {@code buffer} are this address; no allocation. */
    public boolean matches(ByteBuffer buffer, int offset) {
        for (int i = 0; i < bytes.length; i++) {
            if (buffer.get(offset + i) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /** Writes the address bytes at the buffer's position and advances it. */
    public void writeTo(ByteBuffer buffer) {
        buffer.put(bytes);
    }

    /** The one's complement sum contribution of the address (16-bit words, unfolded). */
    int checksumWords() {
        int sum = 0;
        for (int i = 0; i < bytes.length; i += 2) {
            sum += ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
        }
        return sum;
    }

    /** The equivalent {@link InetAddress} (no name lookup). */
    public InetAddress toInetAddress() {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VrrpAddress that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The usual text form: dotted quad, or RFC 5952 compressed IPv6. */
    @Override
    public String toString() {
        if (bytes.length == 4) {
            return byteAt(0) + "." + byteAt(1) + "." + byteAt(2) + "." + byteAt(3);
        }
        return org.keepalived4j.net.AddressText.ipv6(bytes);
    }
}
