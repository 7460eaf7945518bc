package org.keepalived4j.exporter.snmp.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalived4j.exporter.snmp.Notification;
import org.snmp4j.PDUv1;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.VariableBinding;

class V1TrapMappingTest {

    private static final InetAddress AGENT = InetAddress.getLoopbackAddress();
    private static final VariableBinding STATE = new VariableBinding(new OID("1.3.6.1.4.1.9586.100.5.2.3.1.4.1"),
            new Integer32(2));

    private static PDUv1 map(String trapOid, VariableBinding... vbs) {
        return V1TrapMapping.toV1(new Notification(new OID(trapOid), List.of(vbs)), new TimeTicks(1234), AGENT);
    }

    @Test
    void mapsAnEnterpriseNotificationWithItsZeroArcRemoved() {
        PDUv1 pdu = map("1.3.6.1.4.1.9586.100.5.0.2", STATE);
        assertThat(pdu.getType()).isEqualTo(PDUv1.V1TRAP);
        assertThat(pdu.getEnterprise()).isEqualTo(new OID("1.3.6.1.4.1.9586.100.5"));
        assertThat(pdu.getGenericTrap()).isEqualTo(PDUv1.ENTERPRISE_SPECIFIC);
        assertThat(pdu.getSpecificTrap()).isEqualTo(2);
        assertThat(pdu.getTimestamp()).isEqualTo(1234);
        assertThat(pdu.getAgentAddress()).isEqualTo(new IpAddress(AGENT));
        assertThat(List.<VariableBinding>copyOf(pdu.getVariableBindings())).containsExactly(STATE);
    }

    @Test
    void mapsANotificationWithoutAZeroArc() {
        PDUv1 pdu = map("1.3.6.1.2.1.207.0.1");
        assertThat(pdu.getEnterprise()).isEqualTo(new OID("1.3.6.1.2.1.207"));
        PDUv1 noZero = map("1.3.6.1.4.1.9586.100.5.7");
        assertThat(noZero.getEnterprise()).isEqualTo(new OID("1.3.6.1.4.1.9586.100.5"));
        assertThat(noZero.getSpecificTrap()).isEqualTo(7);
    }

    @Test
    void keepsTheGenericNumberOfTheStandardTraps() {
        PDUv1 coldStart = map("1.3.6.1.6.3.1.1.5.1");
        assertThat(coldStart.getGenericTrap()).isEqualTo(PDUv1.COLDSTART);
        assertThat(coldStart.getSpecificTrap()).isZero();
        assertThat(coldStart.getEnterprise()).isEqualTo(new OID("1.3.6.1.6.3.1.1.5"));
        VariableBinding enterprise = new VariableBinding(V1TrapMapping.SNMP_TRAP_ENTERPRISE, new OID("1.3.6.1.4.1.9586"));
        PDUv1 linkDown = map("1.3.6.1.6.3.1.1.5.3", enterprise);
        assertThat(linkDown.getGenericTrap()).isEqualTo(PDUv1.LINKDOWN);
        assertThat(linkDown.getEnterprise()).isEqualTo(new OID("1.3.6.1.4.1.9586"));
    }

    @Test
    void takesAgentAddrFromSnmpTrapAddressAndDropsCounter64() {
        VariableBinding address = new VariableBinding(V1TrapMapping.SNMP_TRAP_ADDRESS, new IpAddress("192.0.2.7"));
        VariableBinding octets = new VariableBinding(new OID("1.3.6.1.4.1.9586.100.5.2.3.1.6.1"), new Counter64(5));
        PDUv1 pdu = map("1.3.6.1.4.1.9586.100.5.0.2", STATE, octets, address);
        assertThat(pdu.getAgentAddress()).isEqualTo(new IpAddress("192.0.2.7"));
        assertThat(List.<VariableBinding>copyOf(pdu.getVariableBindings())).containsExactly(STATE, address);
    }
}
