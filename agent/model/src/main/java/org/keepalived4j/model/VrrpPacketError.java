package org.keepalived4j.model;

/**
 * Why a VRRP instance rejected a packet addressed to it, for the rejections keepalived reports
 * beyond counting them: the authentication errors of RFC 2787 (its vrrpTrapAuthFailure) and the
 * protocol errors of RFC 6527 (its vrrpv3ProtoError). Other bad packets (wrong length, type or
 * address list) are only counted, in {@link VrrpCounters}.
 */
public enum VrrpPacketError {
    /** A VRRPv2 packet with an authentication type that does not exist (keepalived's invalid_authtype). */
    INVALID_AUTH_TYPE,
    /** A VRRPv2 packet with another authentication type than ours, or AH where we expect none (authtype_mismatch). */
    AUTH_TYPE_MISMATCH,
    /** A VRRPv2 packet whose password or AH data did not match ours (auth_failure). */
    AUTH_FAILURE,
    /** A packet whose IPv4 TTL or IPv6 hop limit was not 255 (ip_ttl_err). */
    IP_TTL,
    /** A packet of another VRRP version than the instance runs. */
    VERSION,
    /** A packet whose VRRP checksum was wrong. */
    CHECKSUM;

    /** Whether this is an authentication error (RFC 2787) rather than a protocol error (RFC 6527). */
    public boolean authentication() {
        return this == INVALID_AUTH_TYPE || this == AUTH_TYPE_MISMATCH || this == AUTH_FAILURE;
    }
}
