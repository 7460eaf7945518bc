package org.keepalived4j.vrrp.packet;

/**
 * keepalived's per-instance receive counters (its {@code vrrp_stats}) that a malformed packet can
 * increment. The names are keepalived's; {@link #CHK_ERR} and {@link #VERS_ERR} are the ones it
 * keeps only for the RFC MIBs (VRRP-MIB {@code vrrpRouterChecksumErrors} /
 * {@code vrrpRouterVersionErrors}, VRRPv3-MIB protocol error reasons).
 */
public enum VrrpCounter {
    /** Nothing is counted: keepalived drops the packet before it knows which instance it is for. */
    UNCOUNTED(""),
    /** The length does not match the address count or the IP total length. */
    PACKET_LEN_ERR("packet_len_err"),
    /** IPv4 TTL or IPv6 Hop Limit other than 255. */
    IP_TTL_ERR("ip_ttl_err"),
    /** The version differs from the instance's. */
    VERS_ERR("vers_err"),
    /** VRRPv2 Auth Type other than 0, 1 or 2. */
    INVALID_AUTHTYPE("invalid_authtype"),
    /** The authentication type differs from the instance's (including an AH-wrapped packet). */
    AUTHTYPE_MISMATCH("authtype_mismatch"),
    /** Type other than ADVERTISEMENT. */
    INVALID_TYPE_RCVD("invalid_type_rcvd"),
    /** The checksum does not verify. */
    CHK_ERR("chk_err");

    private final String keepalivedName;

    VrrpCounter(String keepalivedName) {
        this.keepalivedName = keepalivedName;
    }

    /** The field name in keepalived's {@code vrrp_stats} (empty for {@link #UNCOUNTED}). */
    public String keepalivedName() {
        return keepalivedName;
    }
}
