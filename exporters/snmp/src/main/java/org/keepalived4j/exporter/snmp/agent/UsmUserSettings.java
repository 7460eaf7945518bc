package org.keepalived4j.exporter.snmp.agent;

import java.util.List;
import org.keepalived4j.model.Setting;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OctetString;

/**
 * An SNMPv3 USM user: a {@code createUser} line, or the {@code -u/-a/-A/-x/-X} options of a
 * {@code trapsess}. The passphrases are kept as written (snmp4j localizes them to each engine)
 * and never shown: {@link #toString()} names the protocols only.
 *
 * @param name the user (security) name
 * @param auth the authentication protocol's net-snmp name ({@code SHA-256}), {@code null} for none
 * @param authPassphrase {@code null} for none
 * @param priv the privacy protocol's net-snmp name ({@code AES}), {@code null} for none
 * @param privPassphrase {@code null} for none
 */
record UsmUserSettings(String name, String auth, String authPassphrase, String priv, String privPassphrase) {

    /** net-snmp refuses shorter passphrases (RFC 3414 section 11.2 asks for at least 8). */
    static final int MIN_PASSPHRASE = 8;

    /** The highest level this user can reach. */
    UsmLevel maxLevel() {
        return priv != null ? UsmLevel.PRIV : auth != null ? UsmLevel.AUTH : UsmLevel.NO_AUTH;
    }

    /**
     * The user as snmp4j's USM holds it: passphrases, localized to an engine when used, for the
     * messages {@code grant} says (incoming for the agent, whose users answer to its engine only).
     */
    UsmUser toUsmUser(UsmUser.LocalizationGrant grant) {
        return new UsmUser(new OctetString(name), UsmAlgorithms.authOid(auth), octets(authPassphrase),
                UsmAlgorithms.privOid(priv), octets(privPassphrase), grant);
    }

    private static OctetString octets(String s) {
        return s == null ? null : new OctetString(s);
    }

    /**
     * {@code createUser username [AUTH authpassphrase [PRIV [privpassphrase]]]}, as net-snmp reads
     * it: without a privacy passphrase the authentication one serves for both. {@code null} when the
     * line is unusable (each problem reported).
     */
    static UsmUserSettings parseCreateUser(Setting line, List<String> problems) {
        List<String> a = line.args();
        String where = line.source() + ": createUser: ";
        if (!a.isEmpty() && a.get(0).equals("-e")) {
            problems.add(where + "-e ENGINEID localizes a user for a remote engine (snmptrapd's use); "
                    + "the agent's users belong to its own engine: leave -e out");
            return null;
        }
        if (a.contains("-m") || a.contains("-l")) {
            problems.add(where + "-m/-l keys are not supported: give the passphrases");
            return null;
        }
        if (a.isEmpty() || a.size() == 2 || a.size() > 5) {
            problems.add(where + "expected createUser USER [AUTH PASSPHRASE [PRIV [PASSPHRASE]]]");
            return null;
        }
        try {
            String auth = a.size() > 1 ? UsmAlgorithms.authName(a.get(1)) : null;
            String authPass = a.size() > 2 ? a.get(2) : null;
            String priv = a.size() > 3 ? UsmAlgorithms.privName(a.get(3)) : null;
            String privPass = a.size() > 4 ? a.get(4) : priv != null ? authPass : null;
            UsmUserSettings user = new UsmUserSettings(a.get(0), auth, authPass, priv, privPass);
            return user.checkPassphrases(where, problems) ? user : null;
        } catch (IllegalArgumentException e) {
            problems.add(where + e.getMessage());
            return null;
        }
    }

    /** Reports passphrases net-snmp would refuse; whether there were none. */
    boolean checkPassphrases(String where, List<String> problems) {
        boolean ok = true;
        if (auth != null && (authPassphrase == null || authPassphrase.length() < MIN_PASSPHRASE)) {
            problems.add(where + "the authentication passphrase of user '" + name + "' must have at least "
                    + MIN_PASSPHRASE + " characters");
            ok = false;
        }
        if (priv != null && (privPassphrase == null || privPassphrase.length() < MIN_PASSPHRASE)) {
            problems.add(where + "the privacy passphrase of user '" + name + "' must have at least "
                    + MIN_PASSPHRASE + " characters");
            ok = false;
        }
        return ok;
    }

    @Override
    public String toString() {
        return name + " (" + (auth == null ? "no auth" : auth) + ", " + (priv == null ? "no priv" : priv) + ")";
    }
}
