package org.keepalived4j.config.vrrp;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The {@code brd +} / {@code brd -} forms: the address with its host bits set or cleared. */
final class Broadcasts {

    private Broadcasts() {
    }

    static InetAddress derive(InetAddress base, int prefixLength, boolean setHostBits) {
        byte[] bytes = base.getAddress();
        int value = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
        int hostMask = prefixLength >= 32 ? 0 : (int) (0xFFFF_FFFFL >>> prefixLength);
        int result = setHostBits ? value | hostMask : value & ~hostMask;
        try {
            return InetAddress.getByAddress(new byte[] {(byte) (result >>> 24), (byte) (result >>> 16),
                (byte) (result >>> 8), (byte) result});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
