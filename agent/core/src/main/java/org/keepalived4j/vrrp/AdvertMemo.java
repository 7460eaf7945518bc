package org.keepalived4j.vrrp;

import java.util.Arrays;
import org.keepalived4j.vrrp.net.ReceivedVrrpPacket;

/**
 * The last advert decoded on one socket for each VRID, kept so that the next one with the same
 * bytes is not decoded again. A master repeats the same advert every interval, so in a steady
 * state every received advert is a repeat: recognising it by comparing bytes lets the loop
 * thread receive without allocating, which keeps it clear of the collector's allocation pacing
 * and allocation-failure stalls while other threads of the JVM allocate heavily.
 *
 * <p>Decoding is a pure function of the bytes compared here: for IPv4 the whole datagram except
 * the header's identification and checksum (they change with every packet; the kernel has
 * checked the header checksum and nothing reads the identification); for IPv6 the VRRP message
 * with the source, destination and hop limit the socket reported. So the remembered result is
 * exactly what decoding the repeat would give. Loop thread only.
 */
final class AdvertMemo {

    /** Longer datagrams (far more addresses than any advert carries) are always decoded. */
    static final int MAX_KEY = 1024;
    private static final int IPV6_PREFIX = 33;

    private final byte[][] keys = new byte[256][];
    private final ReceivedAdvert[] adverts = new ReceivedAdvert[256];
    private final byte[] scratch = new byte[MAX_KEY];
    private final byte[] address = new byte[16];
    private int vrid = -1;
    private int keyLength;
    private long hits;

    /**
     * Looks the datagram in {@code buffer} up.
     *
     * @return the remembered advert when the datagram repeats the last one of its VRID, else
     *     {@code null}: then decode it and pass the result to {@link #remember}
     */
    ReceivedAdvert lookup(byte[] buffer, ReceivedVrrpPacket packet) {
        vrid = -1;
        int length = packet.length();
        if (packet.truncated()) {
            return null;
        }
        if (packet.ipv6()) {
            if (length < 2 || length + IPV6_PREFIX > MAX_KEY) {
                return null;
            }
            vrid = buffer[1] & 0xff;
            scratch[0] = (byte) packet.hopLimit();
            packet.copySource(address);
            System.arraycopy(address, 0, scratch, 1, 16);
            packet.copyDestination(address);
            System.arraycopy(address, 0, scratch, 17, 16);
            System.arraycopy(buffer, 0, scratch, IPV6_PREFIX, length);
            keyLength = length + IPV6_PREFIX;
        } else {
            int headerLength = (buffer[0] & 0x0f) * 4;
            if (length < 20 || length < headerLength + 2 || length > MAX_KEY) {
                return null;
            }
            vrid = buffer[headerLength + 1] & 0xff;
            System.arraycopy(buffer, 0, scratch, 0, length);
            scratch[4] = 0;
            scratch[5] = 0;
            scratch[10] = 0;
            scratch[11] = 0;
            keyLength = length;
        }
        byte[] key = keys[vrid];
        if (key != null && Arrays.equals(key, 0, key.length, scratch, 0, keyLength)) {
            hits++;
            return adverts[vrid];
        }
        return null;
    }

    /** Forgets every remembered advert (their decoding depended on a codec now replaced). */
    void clear() {
        Arrays.fill(keys, null);
        Arrays.fill(adverts, null);
        vrid = -1;
    }

    /** Remembers the decoded form of the datagram the last {@link #lookup} missed. */
    void remember(ReceivedAdvert advert) {
        if (vrid < 0 || advert.result().vrid() != vrid) {
            return;
        }
        keys[vrid] = Arrays.copyOf(scratch, keyLength);
        adverts[vrid] = advert;
    }

    /** Adverts recognised as repeats (not decoded again). */
    long hits() {
        return hits;
    }
}
