package org.keepalived4j.exporter.snmp.vrrp;

/**
 * Address and route scopes (the words and numbers of {@code ip addr}'s {@code scope}) as
 * INET-ADDRESS-MIB's InetScopeType, the way keepalived converts them.
 */
final class Scopes {

    private Scopes() {
    }

    /** global 14, site 5, link 2, host 1; nowhere and anything else 0. */
    static int inetScope(int linuxScope) {
        return switch (linuxScope) {
            case 0 -> 14;
            case 200 -> 5;
            case 253 -> 2;
            case 254 -> 1;
            default -> 0;
        };
    }

    /** The kernel's number for a scope word or number (rt_scope_t); global when {@code null}. */
    static int linuxScope(String scope) {
        if (scope == null) {
            return 0;
        }
        return switch (scope) {
            case "global", "universe" -> 0;
            case "site" -> 200;
            case "link" -> 253;
            case "host" -> 254;
            case "nowhere" -> 255;
            default -> Numbers.decode(scope, 0);
        };
    }
}
