package org.keepalived4j.vrrp.packet;

import java.nio.ByteBuffer;

/**
 * The Internet checksum (RFC 1071): the 16-bit one's complement of the one's complement sum of
 * 16-bit big-endian words. Sums are kept unfolded in an {@code int} so that parts (a
 * pseudo-header, a message) can be added before folding; a VRRP message of at most
 * 8 + 255 * 16 + 8 bytes cannot overflow it.
 */
final class InternetChecksum {

    private InternetChecksum() {
    }

    /** The unfolded sum of {@code length} bytes at absolute {@code offset}; an odd last byte is padded with zero. */
    static int sum(ByteBuffer buffer, int offset, int length) {
        int sum = 0;
        int end = offset + length;
        int i = offset;
        for (; i + 1 < end; i += 2) {
            sum += ((buffer.get(i) & 0xff) << 8) | (buffer.get(i + 1) & 0xff);
        }
        if (i < end) {
            sum += (buffer.get(i) & 0xff) << 8;
        }
        return sum;
    }

    /** Folds the carries of an unfolded sum into 16 bits. */
    static int fold(int sum) {
        int folded = (sum >>> 16) + (sum & 0xffff);
        folded += folded >>> 16;
        return folded & 0xffff;
    }

    /** The checksum field value for data whose unfolded sum (checksum field zero) is {@code sum}. */
    static int checksum(int sum) {
        return ~fold(sum) & 0xffff;
    }

    /** Whether data whose unfolded sum (checksum field included) is {@code sum} verifies. */
    static boolean verifies(int sum) {
        return fold(sum) == 0xffff;
    }
}
