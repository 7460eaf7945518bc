package org.keepalived4j.vrrp.net;

import java.util.Arrays;
import java.util.HexFormat;

/** An immutable 6-byte Ethernet address. */
public final class MacAddress {

    /** ff:ff:ff:ff:ff:ff. */
    public static final MacAddress BROADCAST = new MacAddress(new byte[] {-1, -1, -1, -1, -1, -1});

    private static final HexFormat COLONS = HexFormat.ofDelimiter(":");

    private final byte[] bytes;

    private MacAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The address held in {@code bytes} (exactly 6, copied). */
    public static MacAddress of(byte[] bytes) {
        if (bytes.length != 6) {
            throw new IllegalArgumentException("a MAC address has 6 bytes, not " + bytes.length);
        }
        return new MacAddress(bytes.clone());
    }

    /** Parses {@code aa:bb:cc:dd:ee:ff} (either case). */
    public static MacAddress parse(String text) {
        if (text.length() != 17) {
            throw new IllegalArgumentException("not a MAC address: " + text);
        }
        return of(COLONS.parseHex(text));
    }

    /**
     * The VRRP virtual router MAC address of RFC 5798 section 7.3: 00-00-5E-00-01-{VRID} for
     * IPv4, 00-00-5E-00-02-{VRID} for IPv6.
     */
    public static MacAddress virtualRouter(int vrid, boolean ipv6) {
        if (vrid < 1 || vrid > 255) {
            throw new IllegalArgumentException("VRID out of range 1-255: " + vrid);
        }
        return new MacAddress(new byte[] {0, 0, 0x5e, 0, (byte) (ipv6 ? 2 : 1), (byte) vrid});
    }

    /** A copy of the 6 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Copies the 6 bytes into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, 6);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MacAddress && Arrays.equals(bytes, ((MacAddress) other).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Lower-case, colon-separated, as {@code ip link} prints it. */
    @Override
    public String toString() {
        return COLONS.formatHex(bytes);
    }
}
