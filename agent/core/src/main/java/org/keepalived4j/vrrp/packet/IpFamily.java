package org.keepalived4j.vrrp.packet;

/** The IP version a VRRP packet travels over, which fixes the size of its addresses. */
public enum IpFamily {
    /** IPv4: 4-byte addresses (RFC 3768 section 5.3.9, RFC 5798 section 5.2.9). */
    IPV4(4),
    /** IPv6: 16-byte addresses (RFC 5798 section 5.2.9); VRRPv3 only. */
    IPV6(16);

    private final int addressLength;

    IpFamily(int addressLength) {
        this.addressLength = addressLength;
    }

    /** The length in bytes of one address of this family. */
    public int addressLength() {
        return addressLength;
    }
}
