package org.keepalived4j.config;

/**
 * An instance's {@code authentication} block. The password is a secret:
 * {@link #toString()} never shows it.
 *
 * @param type the authentication type
 * @param password {@code auth_pass}, at most 8 characters (longer ones are truncated with a
 *        warning), or {@code null}
 */
public record AuthConfig(AuthType type, String password) {

    public static final AuthConfig NONE = new AuthConfig(AuthType.NONE, null);

    /** The 8 bytes carried in a VRRPv2 PASS advertisement: the password, NUL-padded. */
    public byte[] passwordBytes() {
        byte[] out = new byte[8];
        if (password != null) {
            byte[] raw = password.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            System.arraycopy(raw, 0, out, 0, Math.min(8, raw.length));
        }
        return out;
    }

    @Override
    public String toString() {
        return "AuthConfig[type=" + type + ", password=" + (password == null ? "none" : "********") + "]";
    }
}
