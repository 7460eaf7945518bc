package org.keepalived4j.vrrp.packet;

/**
 * Why received bytes are not a well-formed VRRP packet, and which keepalived counter the failure
 * belongs to.
 *
 * <p>The constants are in the order keepalived 2.2.7 checks them ({@code vrrp_get_header}, then
 * {@code vrrp_check_packet}). keepalived interleaves checks that depend on the receiving instance:
 * after {@link #INVALID_AUTH_TYPE} come the VRRPv2 auth type match, the password and the
 * advertisement interval; after {@link #INVALID_TYPE} the address count; after
 * {@link #BAD_CHECKSUM} the multicast/unicast destination, the addresses and the unicast source.
 * {@link #TTL_NOT_255} is skipped by unicast instances. keepalived 2.2.7 drops a VRRPv2 interval
 * mismatch without counting anything (its {@code advert_interval_err} is never incremented), and
 * counts {@code advert_rcvd} after the destination check. An instance reproducing keepalived's
 * counting therefore walks this order with {@link VrrpDecodeResult#has(VrrpDecodeError)},
 * inserting its own checks where keepalived does.
 */
public enum VrrpDecodeError {
    /**
     * Too short for the IPv4 header, or for the IP header plus (with AH) the 24-byte AH header plus
     * the 8-byte VRRP header. keepalived logs "packet too short" and counts nothing.
     */
    TRUNCATED(VrrpCounter.UNCOUNTED, false),
    /** IP version not 4 or IHL below 5; the kernel never delivers such a datagram to a raw socket. */
    MALFORMED_IP_HEADER(VrrpCounter.UNCOUNTED, false),
    /** IP protocol neither VRRP (112) nor AH (51): not for a VRRP socket. */
    NOT_VRRP(VrrpCounter.UNCOUNTED, false),
    /**
     * An AH-wrapped VRRPv2 packet (IP protocol 51, RFC 2338 5.3.6.3). VRRP authentication by AH is
     * refused at configuration, so every instance counts it as keepalived does for an instance
     * without AH: "Received AH header but auth type not AH", {@code authtype_mismatch}. The VRID
     * is read from the VRRP header behind the AH header.
     */
    AH_AUTHENTICATION(VrrpCounter.AUTHTYPE_MISMATCH, false),
    /**
     * The message length differs from 8 + Count IPvX Addr * address length (+ 8 for VRRPv2 over
     * IPv4), RFC 3768 7.1 / RFC 5798 7.1 "MUST verify that the received packet contains the
     * complete VRRP packet".
     */
    LENGTH_MISMATCH(VrrpCounter.PACKET_LEN_ERR, false),
    /**
     * IPv4 TTL or IPv6 Hop Limit not 255 (RFC 3768 7.1, RFC 5798 7.1). keepalived 2.2.7 counts
     * {@code ip_ttl_err} and drops the packet, on multicast instances only; a unicast instance
     * does not check it (it may check its peers' {@code min_ttl}/{@code max_ttl} instead). The
     * packet is still decoded so that a unicast instance can use it.
     */
    TTL_NOT_255(VrrpCounter.IP_TTL_ERR, true),
    /** Version not 2 or 3, or not 3 over IPv6 (RFC 3768 7.1, RFC 5798 7.1). */
    BAD_VERSION(VrrpCounter.VERS_ERR, false),
    /** VRRPv2 Auth Type not 0, 1 or 2 (keepalived: "Invalid auth type"). */
    INVALID_AUTH_TYPE(VrrpCounter.INVALID_AUTHTYPE, true),
    /** Type not ADVERTISEMENT (RFC 3768 5.3.2, RFC 5798 5.2.2: "MUST be discarded"). */
    INVALID_TYPE(VrrpCounter.INVALID_TYPE_RCVD, true),
    /** The IPv4 Total Length differs from the number of bytes received. */
    TOTAL_LENGTH_MISMATCH(VrrpCounter.PACKET_LEN_ERR, true),
    /** The checksum verifies in none of the forms a VRRP sender may use (RFC 3768 7.1, RFC 5798 7.1). */
    BAD_CHECKSUM(VrrpCounter.CHK_ERR, true);

    private final VrrpCounter counter;
    private final boolean packetDecoded;

    VrrpDecodeError(VrrpCounter counter, boolean packetDecoded) {
        this.counter = counter;
        this.packetDecoded = packetDecoded;
    }

    /** The keepalived counter this failure increments on the instance the VRID selects. */
    public VrrpCounter counter() {
        return counter;
    }

    /** Whether the VRRP message is still decoded ({@link VrrpDecodeResult#packet()}) despite this failure. */
    public boolean packetDecoded() {
        return packetDecoded;
    }

    int bit() {
        return 1 << ordinal();
    }
}
