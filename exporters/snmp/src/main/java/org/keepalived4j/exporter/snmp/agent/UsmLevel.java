package org.keepalived4j.exporter.snmp.agent;

import java.util.Locale;
import org.snmp4j.security.SecurityLevel;

/** An SNMPv3 security level, by the names net-snmp's directives and options use. */
enum UsmLevel {
    NO_AUTH(SecurityLevel.NOAUTH_NOPRIV, "noauth", "noauthnopriv"),
    AUTH(SecurityLevel.AUTH_NOPRIV, "auth", "authnopriv"),
    PRIV(SecurityLevel.AUTH_PRIV, "priv", "authpriv");

    private final int snmp4j;
    private final String shortName;
    private final String longName;

    UsmLevel(int snmp4j, String shortName, String longName) {
        this.snmp4j = snmp4j;
        this.shortName = shortName;
        this.longName = longName;
    }

    /** snmp4j's {@link SecurityLevel} number (1-3, as on the wire). */
    int snmp4j() {
        return snmp4j;
    }

    /**
     * {@code noauth|auth|priv} (rouser), {@code noAuthNoPriv|authNoPriv|authPriv} or {@code 1|2|3}
     * (snmpcmd's {@code -l}), any case; throws when none of them.
     */
    static UsmLevel parse(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (UsmLevel l : values()) {
            if (t.equals(l.shortName) || t.equals(l.longName) || t.equals(Integer.toString(l.snmp4j))) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown security level '" + text
                + "' (noauth, auth or priv; noAuthNoPriv, authNoPriv or authPriv)");
    }

    @Override
    public String toString() {
        return shortName;
    }
}
