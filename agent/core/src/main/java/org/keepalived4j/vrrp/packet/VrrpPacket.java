package org.keepalived4j.vrrp.packet;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One VRRP message (the IP payload), version 2 (RFC 3768 section 5) or version 3 (RFC 5798
 * section 5).
 *
 * <p>Wire layout, both versions (RFC 3768 5.1 / RFC 5798 5.1):
 * <pre>
 *  byte 0        version (high nibble) | type (low nibble)
 *  byte 1        Virtual Rtr ID
 *  byte 2        Priority
 *  byte 3        Count IPvX Addr
 *  bytes 4-5     v2: Auth Type, Adver Int (seconds)   v3: 4 reserved bits + 12-bit Max Adver Int (centiseconds)
 *  bytes 6-7     Checksum
 *  then          Count * 4 (IPv4) or Count * 16 (IPv6) address bytes
 *  then (v2)     8 bytes Authentication Data
 * </pre>
 *
 * @param version the version field: 2 or 3 (RFC 3768 5.3.1, RFC 5798 5.2.1)
 * @param type the type field, 0-15; only {@link #TYPE_ADVERTISEMENT} is defined (RFC 3768 5.3.2,
 *     RFC 5798 5.2.2)
 * @param vrid the Virtual Rtr ID, 0-255; configured routers use 1-255 (RFC 3768 5.3.3, RFC 5798 5.2.3)
 * @param priority the sender's priority, 0-255: 255 is the address owner, 0 means the master
 *     stops (RFC 3768 5.3.4, RFC 5798 5.2.4)
 * @param authType v2: the Auth Type, 0-255 (RFC 3768 5.3.6; 0 none, 1 simple text password,
 *     2 IP Authentication Header as defined by RFC 2338 5.3.6); always 0 in v3, which has no such
 *     field (RFC 5798 5.2.5 reserves those bits)
 * @param authData v2: the 8 Authentication Data bytes (RFC 3768 5.3.10; RFC 2338 5.3.10.2: a
 *     simple password, zero padded); empty in v3. Never shown by {@link #toString()}
 * @param advertInterval v2: Adver Int in seconds, 0-255 (RFC 3768 5.3.7); v3: Max Adver Int in
 *     centiseconds, 0-4095 (RFC 5798 5.2.5)
 * @param family the IP version the message travels over; IPv6 only with version 3
 *     (RFC 5798 5.2.9)
 * @param addresses the IPvX Address(es), at most 255, all of {@code family} (RFC 3768 5.3.9,
 *     RFC 5798 5.2.9); the length of the list is the Count IPvX Addr field (RFC 3768 5.3.5,
 *     RFC 5798 5.2.6)
 * @param checksum the Checksum field as received, 0-65535 (RFC 3768 5.3.8, RFC 5798 5.2.8); for
 *     a packet about to be encoded its value is ignored
 */
public record VrrpPacket(
        int version,
        int type,
        int vrid,
        int priority,
        int authType,
        byte[] authData,
        int advertInterval,
        IpFamily family,
        List<VrrpAddress> addresses,
        int checksum) {

    /** IP protocol number of VRRP (RFC 3768 5.2.4, RFC 5798 5.1.1.3 / 5.1.2.3). */
    public static final int IP_PROTOCOL = 112;
    /** IP protocol number of the IP Authentication Header, VRRPv2 auth type 2 (RFC 2338 5.3.6.3). */
    public static final int IP_PROTOCOL_AH = 51;
    /** The only defined type (RFC 3768 5.3.2, RFC 5798 5.2.2). */
    public static final int TYPE_ADVERTISEMENT = 1;
    /** v2 Auth Type: none (RFC 3768 5.3.6). */
    public static final int AUTH_NONE = 0;
    /** v2 Auth Type: simple text password (RFC 2338 5.3.6.2; removed by RFC 3768). */
    public static final int AUTH_PASS = 1;
    /** v2 Auth Type: IP Authentication Header (RFC 2338 5.3.6.3; removed by RFC 3768). */
    public static final int AUTH_AH = 2;
    /** Length of the v2 Authentication Data (RFC 3768 5.3.10). */
    public static final int AUTH_DATA_LENGTH = 8;
    /** Length of the fixed part of the message, before the addresses. */
    public static final int HEADER_LENGTH = 8;
    /** The TTL / Hop Limit a sender must use and a receiver must check (RFC 3768 5.2.3, RFC 5798 5.1.1.3). */
    public static final int REQUIRED_TTL = 255;

    static final byte[] NO_AUTH_DATA = new byte[0];

    /** Validates the fields and takes defensive copies. */
    public VrrpPacket {
        if (version != 2 && version != 3) {
            throw new IllegalArgumentException("version must be 2 or 3, not " + version);
        }
        checkRange("type", type, 15);
        checkRange("vrid", vrid, 255);
        checkRange("priority", priority, 255);
        Objects.requireNonNull(family, "family");
        addresses = List.copyOf(addresses);
        checkRange("address count", addresses.size(), 255);
        for (VrrpAddress address : addresses) {
            if (address.family() != family) {
                throw new IllegalArgumentException("address " + address + " is not " + family);
            }
        }
        checkRange("checksum", checksum, 0xffff);
        if (version == 2) {
            if (family != IpFamily.IPV4) {
                throw new IllegalArgumentException("VRRPv2 runs over IPv4 only");
            }
            checkRange("auth type", authType, 255);
            checkRange("advert interval (s)", advertInterval, 255);
            if (authData.length != AUTH_DATA_LENGTH) {
                throw new IllegalArgumentException("VRRPv2 authentication data has 8 bytes, not " + authData.length);
            }
            authData = authData.clone();
        } else {
            if (authType != 0 || authData.length != 0) {
                throw new IllegalArgumentException("VRRPv3 has no authentication");
            }
            checkRange("max advert interval (cs)", advertInterval, 0xfff);
            authData = NO_AUTH_DATA;
        }
    }

    /**
     * A VRRPv2 advertisement (checksum left 0: the codec computes it).
     *
     * @param authData 8 bytes; see {@link VrrpAuth#simplePassword(String)}
     */
    public static VrrpPacket advertisementV2(int vrid, int priority, int authType, byte[] authData,
            int advertIntervalSeconds, List<VrrpAddress> addresses) {
        return new VrrpPacket(2, TYPE_ADVERTISEMENT, vrid, priority, authType, authData,
                advertIntervalSeconds, IpFamily.IPV4, addresses, 0);
    }

    /** A VRRPv3 advertisement (checksum left 0: the codec computes it, or the kernel for IPv6). */
    public static VrrpPacket advertisementV3(IpFamily family, int vrid, int priority,
            int maxAdvertIntervalCentiseconds, List<VrrpAddress> addresses) {
        return new VrrpPacket(3, TYPE_ADVERTISEMENT, vrid, priority, AUTH_NONE, NO_AUTH_DATA,
                maxAdvertIntervalCentiseconds, family, addresses, 0);
    }

    /** The same packet with another priority, e.g. 0 to resign as master (RFC 3768 6.4.3, RFC 5798 6.4.3). */
    public VrrpPacket withPriority(int newPriority) {
        return new VrrpPacket(version, type, vrid, newPriority, authType, authData, advertInterval,
                family, addresses, checksum);
    }

    /** A copy of the 8 v2 Authentication Data bytes (empty for v3). */
    @Override
    public byte[] authData() {
        return authData.clone();
    }

    /**
     * Whether the Authentication Data equals {@code expected}, in time independent of where they
     * differ (RFC 2338 5.3.10.2 password check; keepalived compares all 8 bytes).
     */
    public boolean authDataMatches(byte[] expected) {
        return VrrpAuth.constantTimeEquals(authData, expected);
    }

    /** Writes the Authentication Data at the buffer's position, without copying them first. */
    void writeAuthData(ByteBuffer out) {
        out.put(authData);
    }

    /** Length of the encoded VRRP message in bytes. */
    public int messageLength() {
        return HEADER_LENGTH + addresses.size() * family.addressLength()
                + (version == 2 ? AUTH_DATA_LENGTH : 0);
    }

    /** The advertisement interval in microseconds: seconds (v2) or centiseconds (v3) converted. */
    public long advertIntervalMicros() {
        return version == 2 ? advertInterval * 1_000_000L : advertInterval * 10_000L;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VrrpPacket that
                && version == that.version && type == that.type && vrid == that.vrid
                && priority == that.priority && authType == that.authType
                && Arrays.equals(authData, that.authData) && advertInterval == that.advertInterval
                && family == that.family && addresses.equals(that.addresses) && checksum == that.checksum;
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, type, vrid, priority, authType, Arrays.hashCode(authData),
                advertInterval, family, addresses, checksum);
    }

    /** A description for logs; the authentication data is never included. */
    @Override
    public String toString() {
        return "VrrpPacket[version=" + version + ", type=" + type + ", vrid=" + vrid
                + ", priority=" + priority
                + (version == 2 ? ", authType=" + authType + ", advertInterval=" + advertInterval + "s"
                        : ", maxAdvertInterval=" + advertInterval + "cs")
                + ", addresses=" + addresses + ", checksum=0x" + Integer.toHexString(checksum) + "]";
    }

    private static void checkRange(String what, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " must be 0-" + max + ", not " + value);
        }
    }
}
