package org.keepalived4j.exporter.snmp.agent;

import java.util.List;
import org.keepalived4j.model.Setting;

/**
 * One {@code rouser} line: SNMPv3 requests of this user at this level or above may read this
 * subtree.
 *
 * @param user the USM user name, which a {@code createUser} line defines
 * @param minLevel the lowest level accepted; net-snmp's default is {@code auth}
 * @param subtree what the user may read
 * @param source the line's {@code file:line}
 */
record UserAccess(String user, UsmLevel minLevel, Subtree subtree, String source) {

    /** {@code rouser [-s usm] USER [noauth|auth|priv [OID]]}; {@code null} when unusable (each problem reported). */
    static UserAccess parse(Setting line, List<String> problems) {
        List<String> a = line.args();
        String where = line.source() + ": rouser: ";
        if (a.size() >= 2 && a.get(0).equals("-s")) {
            if (!a.get(1).equalsIgnoreCase("usm")) {
                problems.add(where + "security model '" + a.get(1) + "' is not supported (usm only)");
                return null;
            }
            a = a.subList(2, a.size());
        }
        if (a.contains("-V")) {
            problems.add(where + "views (-V) are not supported: restrict the user to a numeric OID instead");
            return null;
        }
        if (a.isEmpty() || a.size() > 3) {
            problems.add(where + "expected rouser USER [noauth|auth|priv [OID]]");
            return null;
        }
        try {
            UsmLevel level = a.size() > 1 ? UsmLevel.parse(a.get(1)) : UsmLevel.AUTH;
            Subtree subtree = a.size() > 2 ? Subtree.parse(a.get(2)) : Subtree.all();
            return new UserAccess(a.get(0), level, subtree, line.source());
        } catch (IllegalArgumentException e) {
            problems.add(where + e.getMessage());
            return null;
        }
    }

    @Override
    public String toString() {
        return "rouser " + user + " " + minLevel + ", " + subtree;
    }
}
