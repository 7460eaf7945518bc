package org.keepalived4j.config;

/**
 * keepalived's SNMP switches from global_defs.
 *
 * @param socket {@code snmp_socket} (AgentX master address, e.g. {@code udp:1.2.3.4:705} or
 *        {@code unix:/path}), or {@code null} for the default
 * @param enableVrrp {@code enable_snmp_vrrp} (KEEPALIVED-MIB VRRP part; {@code enable_snmp_keepalived} is its old name)
 * @param enableChecker {@code enable_snmp_checker}
 * @param enableRfc {@code enable_snmp_rfc} (both RFC MIBs)
 * @param enableRfcV2 {@code enable_snmp_rfcv2} (VRRP-MIB, RFC 2787)
 * @param enableRfcV3 {@code enable_snmp_rfcv3} (VRRPv3-MIB, RFC 6527)
 * @param enableTraps {@code enable_traps}
 */
public record SnmpGlobalConfig(String socket, boolean enableVrrp, boolean enableChecker, boolean enableRfc,
        boolean enableRfcV2, boolean enableRfcV3, boolean enableTraps) {

    public static final SnmpGlobalConfig DISABLED = new SnmpGlobalConfig(null, false, false, false, false, false, false);
}
