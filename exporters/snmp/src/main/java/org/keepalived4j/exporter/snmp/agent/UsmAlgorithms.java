package org.keepalived4j.exporter.snmp.agent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import org.snmp4j.security.AuthenticationProtocol;
import org.snmp4j.security.PrivacyProtocol;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.AuthHMAC128SHA224;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.nonstandard.PrivAES192With3DESKeyExtension;
import org.snmp4j.security.nonstandard.PrivAES256With3DESKeyExtension;
import org.snmp4j.smi.OID;

/**
 * net-snmp's names for the USM authentication and privacy protocols (createUser's and snmpcmd's
 * {@code -a}/{@code -x}) and snmp4j's protocol OIDs for them. net-snmp's AES-192 and AES-256
 * extend the key as draft-blumenthal-aes-usm does; its {@code -C} variants as Cisco does (the
 * 3DES key extension).
 */
final class UsmAlgorithms {

    private static final Map<String, OID> AUTH = table("MD5", AuthMD5.ID, "SHA", AuthSHA.ID,
            "SHA-224", AuthHMAC128SHA224.ID, "SHA-256", AuthHMAC192SHA256.ID, "SHA-384", AuthHMAC256SHA384.ID,
            "SHA-512", AuthHMAC384SHA512.ID);
    private static final Map<String, OID> PRIV = table("DES", PrivDES.ID, "AES", PrivAES128.ID,
            "AES-128", PrivAES128.ID, "AES-192", PrivAES192.ID, "AES-256", PrivAES256.ID,
            "AES-192-C", PrivAES192With3DESKeyExtension.ID, "AES-256-C", PrivAES256With3DESKeyExtension.ID);

    private UsmAlgorithms() {
    }

    /** The canonical name of an authentication protocol (case-insensitive; SHA1 for SHA), or throws. */
    static String authName(String text) {
        String t = text.toUpperCase(Locale.ROOT);
        String name = t.equals("SHA1") || t.equals("SHA-1") ? "SHA" : t;
        if (!AUTH.containsKey(name)) {
            throw new IllegalArgumentException("unknown authentication protocol '" + text + "' ("
                    + String.join(", ", AUTH.keySet()) + ")");
        }
        return name;
    }

    /** The canonical name of a privacy protocol (case-insensitive; AES128 for AES-128...), or throws. */
    static String privName(String text) {
        String t = text.toUpperCase(Locale.ROOT).replaceFirst("^AES(\\d)", "AES-$1");
        if (!PRIV.containsKey(t)) {
            throw new IllegalArgumentException("unknown privacy protocol '" + text + "' ("
                    + String.join(", ", PRIV.keySet()) + ")");
        }
        return t;
    }

    /** name, OID, name, OID...: an unmodifiable map in that order (the order error messages list them in). */
    private static Map<String, OID> table(Object... pairs) {
        Map<String, OID> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (OID) pairs[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * A protocol table of its own holding every protocol named here, so that no part of the
     * process shares (or changes) snmp4j's global one.
     */
    static SecurityProtocols protocols() {
        SecurityProtocols p = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.none);
        for (AuthenticationProtocol a : List.of(new AuthMD5(), new AuthSHA(), new AuthHMAC128SHA224(),
                new AuthHMAC192SHA256(), new AuthHMAC256SHA384(), new AuthHMAC384SHA512())) {
            p.addAuthenticationProtocol(a);
        }
        for (PrivacyProtocol x : List.of(new PrivDES(), new PrivAES128(), new PrivAES192(), new PrivAES256(),
                new PrivAES192With3DESKeyExtension(), new PrivAES256With3DESKeyExtension())) {
            p.addPrivacyProtocol(x);
        }
        return p;
    }

    static OID authOid(String name) {
        return name == null ? null : AUTH.get(name);
    }

    static OID privOid(String name) {
        return name == null ? null : PRIV.get(name);
    }
}
