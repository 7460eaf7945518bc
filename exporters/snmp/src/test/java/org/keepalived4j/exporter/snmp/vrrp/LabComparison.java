package org.keepalived4j.exporter.snmp.vrrp;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.keepalived4j.exporter.snmp.MibSection;
import org.keepalived4j.exporter.snmp.Notification;
import org.keepalived4j.exporter.snmp.NotificationSource;
import org.keepalived4j.exporter.snmp.rfc.VrrpMibNotifications;
import org.keepalived4j.exporter.snmp.rfc.VrrpMibSection;
import org.keepalived4j.exporter.snmp.rfc.Vrrpv3MibNotifications;
import org.keepalived4j.exporter.snmp.rfc.Vrrpv3MibSection;
import org.keepalived4j.model.VrrpState;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * What keepalived recorded in the lab (capture-keepalived-vrrp.sh) against what the sections and
 * notification sources make of the same node (LabNodeA): for the recorded files in the test
 * resources, and for a fresh capture in KeepalivedCaptureIT.
 */
final class LabComparison {

    private static final String KEEPALIVED = "1.3.6.1.4.1.9586.100.5.2.";
    private static final String SNMP_TRAP_OID = "1.3.6.1.6.3.1.1.4.1.0";

    /** Where this daemon departs from keepalived on purpose (see the sections' javadoc). */
    static final List<Known> KNOWN = List.of(
            new Known("vrrpOperTable and vrrpRouterStatsTable: keepalived's getnext serves the first row only "
                    + "(VRID 50), hiding VI_4's (VRID 51)",
                    oid -> (oid.startsWith(new OID("1.3.6.1.2.1.68.1.3.1"))
                            || oid.startsWith(new OID("1.3.6.1.2.1.68.2.4.1"))) && oid.last() == 51),
            new Known("vrrpAddressAdvertising: keepalived says false for every address of the second and later "
                    + "instances", under(KEEPALIVED + "6.1.11.2.").or(under(KEEPALIVED + "6.1.11.3."))),
            new Known("vrrpRouteStatus: keepalived installs virtual routes, this daemon does not",
                    under(KEEPALIVED + "7.1.14.1.")),
            new Known("vrrpRuleStatus: keepalived installs virtual rules, this daemon does not",
                    under(KEEPALIVED + "8.1.7.1.")),
            new Known("vrrpOperMasterIpAddr of a MASTER: its own address, where keepalived keeps the last other "
                    + "master it heard (none here: 0.0.0.0)", under("1.3.6.1.2.1.68.1.3.1.7.")));

    private LabComparison() {
    }

    /** A departure: why, and which objects it concerns. */
    record Known(String why, Predicate<OID> concerns) {
    }

    /**
     * A walk compared: how many objects on each side, the departures found (by reason, with a
     * count), and every other difference ({@code OID: keepalived's / ours}).
     */
    record WalkResult(int keepalived, int ours, Map<String, Integer> explained, List<String> unexplained) {

        int differences() {
            return explained.values().stream().mapToInt(Integer::intValue).sum() + unexplained.size();
        }
    }

    /** The sections' objects for node A in {@code state} against keepalived's walk. */
    static WalkResult walk(String walkText, String interfacesText, VrrpState state) {
        SortedMap<OID, SnmpValue> keepalived = WalkOutput.walk(walkText);
        SortedMap<OID, SnmpValue> ours = WalkOutput.of(collect(FakeInterfaces.recorded(interfacesText), state));
        Map<String, Integer> explained = new TreeMap<>();
        List<String> unexplained = new ArrayList<>();
        TreeSet<OID> all = new TreeSet<>(keepalived.keySet());
        all.addAll(ours.keySet());
        for (OID oid : all) {
            SnmpValue theirs = keepalived.get(oid);
            SnmpValue mine = ours.get(oid);
            boolean same = theirs != null && mine != null && theirs.type().equals(mine.type())
                    && (theirs.timeDependent() || theirs.value().equals(mine.value()));
            if (!same) {
                KNOWN.stream().filter(k -> k.concerns().test(oid)).findFirst().ifPresentOrElse(
                        k -> explained.merge(k.why(), 1, Integer::sum),
                        () -> unexplained.add(oid + ": " + theirs + " / " + mine));
            }
        }
        return new WalkResult(keepalived.size(), ours.size(), explained, unexplained);
    }

    /** keepalived's notifications, each as its snmpTrapOID.0 and objects, one per line. */
    static List<String> keepalivedTraps(String trapsText) {
        List<String> out = new ArrayList<>();
        for (List<WalkOutput.VarBind> trap : WalkOutput.traps(trapsText)) {
            if (!trap.get(1).oid().toDottedString().equals(SNMP_TRAP_OID)) {
                throw new IllegalArgumentException("no snmpTrapOID.0 second in " + trap);
            }
            out.add(describe(trap.subList(1, trap.size())));
        }
        return out;
    }

    /** The sources' notifications for the lab run's events, in the same form. */
    static List<String> ourTraps(String interfacesText) {
        FakeInterfaces interfaces = FakeInterfaces.recorded(interfacesText);
        // In the order keepalived sends them for one change.
        List<NotificationSource> sources = List.of(new KeepalivedVrrpNotifications(),
                new VrrpMibNotifications(interfaces), new Vrrpv3MibNotifications(interfaces));
        List<String> out = new ArrayList<>();
        for (LabNodeA.Step step : LabNodeA.run()) {
            for (NotificationSource source : sources) {
                for (Notification n : source.notifications(step.event(), step.state())) {
                    List<WalkOutput.VarBind> binds = new ArrayList<>();
                    binds.add(new WalkOutput.VarBind(new OID(SNMP_TRAP_OID), new SnmpValue("OID", "." + n.trapOid())));
                    for (VariableBinding vb : n.varbinds()) {
                        binds.add(new WalkOutput.VarBind(vb.getOid(), SnmpValue.of(vb.getVariable())));
                    }
                    out.add(describe(binds));
                }
            }
        }
        return out;
    }

    private static SortedMap<OID, Variable> collect(InterfaceDirectory interfaces, VrrpState state) {
        Clock clock = Clock.fixed(LabNodeA.LOADED.plusSeconds(10), ZoneOffset.UTC);
        List<MibSection> sections = List.of(new KeepalivedVrrpSection(interfaces), new VrrpMibSection(interfaces),
                new Vrrpv3MibSection(interfaces, clock));
        SortedMap<OID, Variable> out = new TreeMap<>();
        for (MibSection s : sections) {
            s.collect(LabNodeA.state(state), out);
        }
        return out;
    }

    private static String describe(List<WalkOutput.VarBind> binds) {
        StringBuilder b = new StringBuilder();
        for (WalkOutput.VarBind vb : binds) {
            b.append(vb.oid()).append(" = ").append(vb.value()).append('\n');
        }
        return b.toString();
    }

    private static Predicate<OID> under(String prefix) {
        return oid -> (oid + ".").startsWith(prefix);
    }
}
