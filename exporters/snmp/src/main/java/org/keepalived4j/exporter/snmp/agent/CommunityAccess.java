package org.keepalived4j.exporter.snmp.agent;

import java.util.List;
import org.keepalived4j.model.Setting;

/**
 * One {@code rocommunity} / {@code rocommunity6} line: SNMPv1 and v2c requests with this
 * community from this source may read this subtree.
 *
 * @param community the community string (not a secret in net-snmp's model, but not logged either)
 * @param ipv6 whether the line is {@code rocommunity6}, for requests that arrive over IPv6
 * @param source who may use it
 * @param subtree what it may read
 */
record CommunityAccess(String community, boolean ipv6, SourceNetwork source, Subtree subtree) {

    /** {@code rocommunity[6] COMMUNITY [SOURCE [OID]]}; {@code null} when unusable (each problem reported). */
    static CommunityAccess parse(Setting line, List<String> problems) {
        boolean ipv6 = line.keyword().endsWith("6");
        List<String> a = line.args();
        String where = line.source() + ": " + line.keyword() + ": ";
        if (a.contains("-V")) {
            problems.add(where + "views (-V) are not supported: restrict the community to a numeric OID instead");
            return null;
        }
        if (a.isEmpty() || a.size() > 3) {
            problems.add(where + "expected " + line.keyword() + " COMMUNITY [SOURCE [OID]]");
            return null;
        }
        try {
            SourceNetwork source = a.size() > 1 ? SourceNetwork.parse(a.get(1), ipv6) : SourceNetwork.any();
            Subtree subtree = a.size() > 2 ? Subtree.parse(a.get(2)) : Subtree.all();
            return new CommunityAccess(a.get(0), ipv6, source, subtree);
        } catch (IllegalArgumentException e) {
            problems.add(where + e.getMessage());
            return null;
        }
    }

    @Override
    public String toString() {
        return (ipv6 ? "rocommunity6" : "rocommunity") + " from " + source + ", " + subtree;
    }
}
