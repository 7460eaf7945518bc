package org.keepalived4j.vrrp.packet;

/**
 * How the VRRP checksum is formed (RFC 3768 5.3.8, RFC 5798 5.2.8). Only VRRPv3 over IPv4 has
 * a choice; for VRRPv2 and for VRRPv3 over IPv6 every mode but {@link #KERNEL} is
 * {@link #STANDARD}.
 */
public enum VrrpChecksumMode {
    /**
     * keepalived's default. VRRPv2: the VRRP message only. VRRPv3: the message plus a
     * pseudo-header of IP source, IP destination, zero, protocol 112 and message length
     * (RFC 5798 5.2.8; the IPv6 one of RFC 2460 8.1).
     */
    STANDARD,
    /**
     * keepalived's {@code old_unicast_checksum} (build option OLD_CHKSUM_COMPAT, present in the
     * Debian 2.2.7 build): VRRPv3 over IPv4 puts the multicast group ({@code vrrp_mcast_group4},
     * default 224.0.0.18) in the pseudo-header as destination even when the advertisement is sent
     * unicast, as keepalived 1.3.6 and older did. Without the keyword keepalived 2.2.7 still
     * switches a unicast instance to this form the first time it receives an advertisement that
     * verifies only this way (unless {@code old_unicast_checksum never}).
     */
    OLD_UNICAST_CHECKSUM,
    /**
     * keepalived 2.2.8's {@code v3_checksum_as_v2}: VRRPv3 over IPv4 checksums the VRRP message
     * only, without pseudo-header, as Cisco and RFC 9568 do.
     */
    V3_CHECKSUM_AS_V2,
    /**
     * IPv6 only: encoding leaves the checksum 0 for the kernel to fill in (socket option
     * {@code IPV6_CHECKSUM} with offset 6, as keepalived sets it); on receive the kernel has
     * verified it. The form is that of {@link #STANDARD}.
     */
    KERNEL
}
