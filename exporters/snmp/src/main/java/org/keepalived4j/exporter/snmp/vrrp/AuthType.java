package org.keepalived4j.exporter.snmp.vrrp;

/** An instance's {@code auth_type} as keepalived numbers it: 0 none, 1 simple password (PASS), 2 IPsec AH. */
public final class AuthType {

    private AuthType() {
    }

    /** keepalived's number for {@code auth_type} NONE, PASS or AH ({@code null}: none). */
    public static int code(String authType) {
        if ("PASS".equals(authType)) {
            return 1;
        }
        return "AH".equals(authType) ? 2 : 0;
    }
}
