package org.keepalived4j.vrrp.packet;

import java.nio.charset.StandardCharsets;

/** Byte-level helpers for VRRPv2 simple password authentication (RFC 2338 5.3.6.2, 5.3.10.2). */
public final class VrrpAuth {

    private VrrpAuth() {
    }

    /**
     * The 8 Authentication Data bytes for a simple password, as keepalived builds them from
     * {@code auth_pass}: the password's bytes (UTF-8, as they stand in the config file), cut after
     * 8 bytes, zero padded.
     */
    public static byte[] simplePassword(String password) {
        byte[] data = new byte[VrrpPacket.AUTH_DATA_LENGTH];
        byte[] text = password.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, data, 0, Math.min(text.length, data.length));
        return data;
    }

    /**
     * Compares two byte arrays in time that depends only on their lengths, never on where they
     * differ, so an attacker cannot learn a password byte by byte from response timing.
     */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return false;
        }
        int difference = 0;
        for (int i = 0; i < a.length; i++) {
            difference |= a[i] ^ b[i];
        }
        return difference == 0;
    }
}
