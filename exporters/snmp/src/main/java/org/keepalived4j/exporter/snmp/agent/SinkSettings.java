package org.keepalived4j.exporter.snmp.agent;

import java.time.Duration;
import java.util.List;
import org.keepalived4j.model.Setting;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OctetString;

/**
 * Where and how one sink delivers notifications: a {@code trapsink}, {@code trap2sink},
 * {@code informsink} or {@code trapsess} line. {@link #toString()} shows no community and no
 * passphrase.
 *
 * @param directive the line's keyword, for messages
 * @param source the line's {@code file:line}
 * @param version snmp4j's {@link SnmpConstants#version1}, {@link SnmpConstants#version2c} or
 *        {@link SnmpConstants#version3}
 * @param inform whether notifications are informs (acknowledged and retried) rather than traps
 * @param target the receiver
 * @param bind the local address to send from ({@code -s}); {@code null} for any
 * @param community SNMPv1/v2c only
 * @param user SNMPv3 only
 * @param level SNMPv3 only
 * @param securityEngineId SNMPv3 {@code -e}: the authoritative engine of traps; {@code null} for
 *        the agent's own (informs discover the receiver's)
 * @param contextEngineId SNMPv3 {@code -E}; {@code null} for the authoritative engine
 * @param contextName SNMPv3 {@code -n}; empty by default
 * @param retries informs: resends after the first try (net-snmp's default 5)
 * @param timeout informs: how long each try waits for the acknowledgement (net-snmp's default 1 s)
 */
record SinkSettings(String directive, String source, int version, boolean inform, SnmpAddress target,
        SnmpAddress bind, String community, UsmUserSettings user, UsmLevel level, OctetString securityEngineId,
        OctetString contextEngineId, String contextName, int retries, Duration timeout) {

    static final int TRAP_PORT = 162;
    /** snmpcmd's defaults, which net-snmp's sinks use too. */
    static final int DEFAULT_RETRIES = 5;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

    /**
     * {@code trapsink|trap2sink|informsink [-s SRC] HOST [COMMUNITY [PORT]]}; the community
     * defaults to the last {@code trapcommunity} before the line. {@code null} when unusable.
     */
    static SinkSettings parseSink(Setting line, String trapCommunity, List<String> problems) {
        String where = line.source() + ": " + line.keyword() + ": ";
        List<String> a = line.args();
        SnmpAddress bind = null;
        try {
            if (a.size() >= 2 && List.of("-profile", "-name", "-tag").contains(a.get(0))) {
                problems.add(where + a.get(0) + " is not supported: keepalived4j has no notification filters"
                        + " or SNMP-NOTIFICATION-MIB tables");
                return null;
            }
            if (a.size() >= 2 && a.get(0).equals("-s")) {
                bind = SnmpAddress.parse(a.get(1), 0, true);
                a = a.subList(2, a.size());
            }
            if (a.isEmpty() || a.size() > 3) {
                problems.add(where + "expected " + line.keyword() + " [-s SRC] HOST [COMMUNITY [PORT]]");
                return null;
            }
            SnmpAddress target = SnmpAddress.parse(a.get(0), -1, false);
            if (target.port() < 0) {
                int port = a.size() > 2 ? portArgument(a.get(2)) : TRAP_PORT;
                target = target.withPort(port);
            }
            String community = a.size() > 1 ? a.get(1) : trapCommunity;
            int version = line.keyword().equals("trapsink") ? SnmpConstants.version1 : SnmpConstants.version2c;
            return new SinkSettings(line.keyword(), line.source(), version, line.keyword().equals("informsink"), target,
                    bind, community, null, null, null, null, "", DEFAULT_RETRIES, DEFAULT_TIMEOUT);
        } catch (IllegalArgumentException e) {
            problems.add(where + e.getMessage());
            return null;
        }
    }

    private static int portArgument(String text) {
        if (text.matches("\\d{1,5}") && Integer.parseInt(text) >= 1 && Integer.parseInt(text) <= 65535) {
            return Integer.parseInt(text);
        }
        throw new IllegalArgumentException("bad port '" + text + "'");
    }

    /** The version as snmpcmd's {@code -v} writes it. */
    String versionName() {
        return version == SnmpConstants.version1 ? "1" : version == SnmpConstants.version2c ? "2c" : "3";
    }

    @Override
    public String toString() {
        String how = "v" + versionName() + (inform ? " inform" : " trap");
        if (version == SnmpConstants.version3) {
            how += " as " + user + " " + level;
        }
        if (inform) {
            how += ", " + retries + " retries, timeout " + timeout.toMillis() + " ms";
        }
        return directive + " " + target + " (" + how + (bind == null ? "" : ", from " + bind) + ")";
    }
}
