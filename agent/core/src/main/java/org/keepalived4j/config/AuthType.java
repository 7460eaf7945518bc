package org.keepalived4j.config;

/** VRRPv2 authentication types (RFC 2338 / keepalived). */
public enum AuthType {
    NONE(0),
    PASS(1),
    AH(2);

    private final int wireValue;

    AuthType(int wireValue) {
        this.wireValue = wireValue;
    }

    /** The value carried in the advertisement's Auth Type field. */
    public int wireValue() {
        return wireValue;
    }
}
