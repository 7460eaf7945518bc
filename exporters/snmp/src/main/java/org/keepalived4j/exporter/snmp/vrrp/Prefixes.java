package org.keepalived4j.exporter.snmp.vrrp;

/** The prefix length of an address written as keepalived reads route and rule addresses. */
final class Prefixes {

    private Prefixes() {
    }

    /** The length after {@code /}, or the whole address (32 or 128) when none is written. */
    static int length(String address) {
        if (address == null) {
            return 0;
        }
        int slash = address.indexOf('/');
        if (slash >= 0) {
            return Numbers.decode(address.substring(slash + 1), 0);
        }
        return InetAddresses.isIpv6(address) ? 128 : 32;
    }
}
