package org.keepalived4j.exporter.snmp.agent;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keepalived4j.model.Setting;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OctetString;

/**
 * A {@code trapsess [SNMPCMD_ARGS] HOST} line, read with snmptrap's options: {@code -v 1|2c|3}
 * (default 3, as snmpcmd), {@code -c COMMUNITY}, {@code -Ci} (inform), {@code -r RETRIES},
 * {@code -t SECONDS}, {@code -u USER}, {@code -l LEVEL}, {@code -a/-A}, {@code -x/-X},
 * {@code -e ENGINEID}, {@code -E ENGINEID}, {@code -n CONTEXT}, {@code -s SRC}. A value may follow
 * its option or be joined to it ({@code -v2c}).
 */
final class TrapSessionOptions {

    /** Options that take a value; every other option is refused by name. */
    private static final Set<Character> WITH_VALUE = Set.of('v', 'c', 'C', 'r', 't', 'u', 'l', 'a', 'A', 'x', 'X',
            'e', 'E', 'n', 's');

    private TrapSessionOptions() {
    }

    /** {@code null} when the line is unusable; every problem is reported. */
    static SinkSettings parse(Setting line, List<String> problems) {
        String where = line.source() + ": trapsess: ";
        List<String> a = line.args();
        if (a.isEmpty() || a.get(a.size() - 1).startsWith("-")) {
            problems.add(where + "expected trapsess [OPTIONS] HOST");
            return null;
        }
        Map<Character, String> options = new HashMap<>();
        for (int i = 0; i < a.size() - 1; i++) {
            String t = a.get(i);
            if (List.of("-profile", "-name", "-tag").contains(t)) {
                problems.add(where + t + " is not supported: keepalived4j has no notification filters"
                        + " or SNMP-NOTIFICATION-MIB tables");
                return null;
            }
            if (t.length() < 2 || t.charAt(0) != '-' || !WITH_VALUE.contains(t.charAt(1))) {
                problems.add(where + "unsupported option '" + t + "'");
                return null;
            }
            String value = t.length() > 2 ? t.substring(2) : i + 1 < a.size() - 1 ? a.get(++i) : null;
            if (value == null) {
                problems.add(where + t + " needs a value");
                return null;
            }
            options.put(t.charAt(1), value);
        }
        try {
            return settings(line, options, problems);
        } catch (IllegalArgumentException e) {
            problems.add(where + e.getMessage());
            return null;
        }
    }

    private static SinkSettings settings(Setting line, Map<Character, String> o, List<String> problems) {
        String where = line.source() + ": trapsess: ";
        int version = switch (o.getOrDefault('v', "3")) {
            case "1" -> SnmpConstants.version1;
            case "2c" -> SnmpConstants.version2c;
            case "3" -> SnmpConstants.version3;
            default -> throw new IllegalArgumentException("-v must be 1, 2c or 3, got '" + o.get('v') + "'");
        };
        String c = o.get('C');
        if (c != null && !c.equals("i")) {
            throw new IllegalArgumentException("-C" + c + ": only -Ci (send informs) is supported");
        }
        boolean inform = c != null;
        if (inform && version == SnmpConstants.version1) {
            throw new IllegalArgumentException("SNMPv1 has no informs: use -v 2c or -v 3 with -Ci");
        }
        SnmpAddress target = SnmpAddress.parse(line.args().get(line.args().size() - 1), SinkSettings.TRAP_PORT, false);
        SnmpAddress bind = o.containsKey('s') ? SnmpAddress.parse(o.get('s'), 0, true) : null;
        int retries = o.containsKey('r') ? retries(o.get('r')) : SinkSettings.DEFAULT_RETRIES;
        Duration timeout = o.containsKey('t') ? timeout(o.get('t')) : SinkSettings.DEFAULT_TIMEOUT;
        if (version != SnmpConstants.version3) {
            if (!o.containsKey('c')) {
                throw new IllegalArgumentException("-v " + (version == SnmpConstants.version1 ? "1" : "2c")
                        + " needs a community (-c)");
            }
            return new SinkSettings("trapsess", line.source(), version, inform, target, bind, o.get('c'), null, null,
                    null, null, "", retries, timeout);
        }
        if (!o.containsKey('u')) {
            throw new IllegalArgumentException("-v 3 needs a user (-u)");
        }
        UsmLevel level = UsmLevel.parse(o.getOrDefault('l', "noAuthNoPriv"));
        String auth = level == UsmLevel.NO_AUTH ? null : UsmAlgorithms.authName(require(o, 'a', level));
        String priv = level == UsmLevel.PRIV ? UsmAlgorithms.privName(require(o, 'x', level)) : null;
        UsmUserSettings user = new UsmUserSettings(o.get('u'), auth, auth == null ? null : require(o, 'A', level),
                priv, priv == null ? null : require(o, 'X', level));
        if (!user.checkPassphrases(where, problems)) {
            return null;
        }
        OctetString engine = o.containsKey('e') ? EngineIds.fromHex(o.get('e')) : null;
        OctetString contextEngine = o.containsKey('E') ? EngineIds.fromHex(o.get('E')) : null;
        return new SinkSettings("trapsess", line.source(), version, inform, target, bind, null, user, level, engine,
                contextEngine, o.getOrDefault('n', ""), retries, timeout);
    }

    private static String require(Map<Character, String> o, char option, UsmLevel level) {
        String v = o.get(option);
        if (v == null) {
            throw new IllegalArgumentException("-l " + level + " needs -" + option);
        }
        return v;
    }

    private static int retries(String text) {
        if (!text.matches("\\d{1,3}")) {
            throw new IllegalArgumentException("-r must be a whole number of retries from 0 to 999, got '" + text + "'");
        }
        return Integer.parseInt(text);
    }

    private static Duration timeout(String text) {
        if (text.matches("\\d{1,6}(\\.\\d{1,6})?|\\.\\d{1,6}")) {
            Duration d = Duration.ofNanos(new BigDecimal(text).movePointRight(9).longValue());
            if (d.toMillis() >= 1) {
                return d;
            }
        }
        throw new IllegalArgumentException("-t must be a number of seconds of at least 0.001, got '" + text + "'");
    }
}
