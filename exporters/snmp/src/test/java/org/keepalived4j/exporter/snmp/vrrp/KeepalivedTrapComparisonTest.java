package org.keepalived4j.exporter.snmp.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalived4j.exporter.snmp.Notification;
import org.keepalived4j.exporter.snmp.NotificationSource;
import org.keepalived4j.exporter.snmp.rfc.VrrpMibNotifications;
import org.keepalived4j.exporter.snmp.rfc.Vrrpv3MibNotifications;
import org.snmp4j.smi.VariableBinding;

/**
 * The VRRP notification sources against the real keepalived 2.2.7: the notifications they make
 * for the events of the lab's run (start, MASTER, preempted by a peer, SIGTERM; LabNodeA)
 * compared with what snmptrapd received from keepalived in that run
 * (capture-keepalived-vrrp.sh): the same notifications in the same order, each with the same
 * objects, types and values. sysUpTime.0, which the transport adds, is not compared.
 */
class KeepalivedTrapComparisonTest {

    private static final String SNMP_TRAP_OID = "1.3.6.1.6.3.1.1.4.1.0";

    @Test
    void sendsWhatKeepalivedSends() {
        List<String> keepalived = new ArrayList<>();
        for (List<WalkOutput.VarBind> trap : WalkOutput.traps(WalkOutput.resource("traps.txt"))) {
            assertThat(trap.get(1).oid()).hasToString(SNMP_TRAP_OID);
            keepalived.add(describe(trap.subList(1, trap.size())));
        }

        FakeInterfaces interfaces = LabNodeA.interfaces();
        // In the order keepalived sends them for one change.
        List<NotificationSource> sources = List.of(new KeepalivedVrrpNotifications(),
                new VrrpMibNotifications(interfaces), new Vrrpv3MibNotifications(interfaces));
        List<String> ours = new ArrayList<>();
        for (LabNodeA.Step step : LabNodeA.run()) {
            for (NotificationSource source : sources) {
                for (Notification n : source.notifications(step.event(), step.state())) {
                    List<WalkOutput.VarBind> binds = new ArrayList<>();
                    binds.add(new WalkOutput.VarBind(new org.snmp4j.smi.OID(SNMP_TRAP_OID),
                            new SnmpValue("OID", "." + n.trapOid())));
                    for (VariableBinding vb : n.varbinds()) {
                        binds.add(new WalkOutput.VarBind(vb.getOid(), SnmpValue.of(vb.getVariable())));
                    }
                    ours.add(describe(binds));
                }
            }
        }

        System.out.printf("traps: %d from keepalived, %d of ours%n", keepalived.size(), ours.size());
        assertThat(ours).containsExactlyElementsOf(keepalived);
        assertThat(keepalived).hasSize(20);
    }

    private static String describe(List<WalkOutput.VarBind> binds) {
        StringBuilder b = new StringBuilder();
        for (WalkOutput.VarBind vb : binds) {
            b.append(vb.oid()).append(" = ").append(vb.value()).append('\n');
        }
        return b.toString();
    }
}
