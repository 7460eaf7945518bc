package org.keepalived4j.exporter.snmp.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalived4j.exporter.snmp.MibView;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

class RequestProcessorTest {

    private static final TestMibView VIEW = new TestMibView();
    private static final OID NAMES = new OID("1.3.6.1.4.1.9586.100.5.2.3.1.2");
    private static final OID OCTETS_1 = new OID("1.3.6.1.4.1.9586.100.5.2.3.1.6.1");

    private static ReadableView all(boolean v1) {
        return new ReadableView(VIEW, Subtree.all(), v1);
    }

    /**
     * sysUpTime.0 under the system group, and {@code root} registered with nothing in it: mib-2
     * holds objects, so a GET inside {@code root} has a parent with instances.
     */
    private static ReadableView empty(OID root) {
        OID sysUpTime = new OID("1.3.6.1.2.1.1.3.0");
        MibView view = new MibView() {
            @Override
            public List<OID> roots() {
                return List.of(new OID("1.3.6.1.2.1.1"), root);
            }

            @Override
            public Variable get(OID oid) {
                return oid.equals(sysUpTime) ? new TimeTicks(1) : null;
            }

            @Override
            public VariableBinding next(OID oid) {
                return oid.compareTo(sysUpTime) < 0 ? new VariableBinding(sysUpTime, new TimeTicks(1)) : null;
            }
        };
        return new ReadableView(view, Subtree.all(), false);
    }

    private static PDU request(int type, OID... oids) {
        PDU pdu = new PDU();
        pdu.setType(type);
        pdu.setRequestID(new org.snmp4j.smi.Integer32(42));
        for (OID o : oids) {
            pdu.add(new VariableBinding(o));
        }
        return pdu;
    }

    private static OID name(int row) {
        OID o = new OID(NAMES);
        o.append(row);
        return o;
    }

    @Test
    void answersGetWithTheValuesOrTheExceptionsOfSnmpv2() {
        PDU response = RequestProcessor.answer(request(PDU.GET, name(1), new OID(name(1)).append(0),
                new OID("1.3.6.1.4.1.9586.100.5.2.3.1.99.1")), all(false), 65000);
        assertThat(response.getType()).isEqualTo(PDU.RESPONSE);
        assertThat(response.getRequestID().getValue()).isEqualTo(42);
        assertThat(response.getErrorStatus()).isZero();
        assertThat(response.get(0).getVariable().toString()).isEqualTo("VI_1");
        assertThat(response.get(1).getVariable()).isEqualTo(Null.noSuchInstance);
        assertThat(response.get(2).getVariable()).isEqualTo(Null.noSuchObject);
    }

    @Test
    void answersNoSuchObjectInsideASubtreeThatServesNothing() {
        // the VRRP-MIB subtree holds no object: as snmpd for a subtree keepalived did not register
        PDU response = RequestProcessor.answer(request(PDU.GET, new OID("1.3.6.1.2.1.68"),
                new OID("1.3.6.1.2.1.68.1.3.1.3.1.1"), new OID("1.3.6.1.2.1.99")), empty(TestMibView.VRRP), 65000);
        assertThat(response.getVariableBindings()).extracting(VariableBinding::getVariable)
                .containsExactly(Null.noSuchObject, Null.noSuchObject, Null.noSuchObject);
    }

    @Test
    void answersAMissingObjectWithNoSuchNameForSnmpv1() {
        PDU response = RequestProcessor.answer(request(PDU.GET, name(1), OCTETS_1), all(true), 65000);
        assertThat(response.getErrorStatus()).isEqualTo(PDU.noSuchName);
        assertThat(response.getErrorIndex()).isEqualTo(2);
        assertThat(response.getVariableBindings()).extracting(VariableBinding::getOid).containsExactly(name(1), OCTETS_1);
    }

    @Test
    void getNextSkipsCounter64ForSnmpv1AndEndsWithNoSuchName() {
        OID beforeOctets = new OID("1.3.6.1.4.1.9586.100.5.2.3.1.5.30");
        PDU v1 = RequestProcessor.answer(request(PDU.GETNEXT, beforeOctets), all(true), 65000);
        assertThat(v1.get(0).getOid()).isEqualTo(new OID("1.3.6.1.4.1.9586.100.5.2.3.1.7.1"));
        PDU v2 = RequestProcessor.answer(request(PDU.GETNEXT, beforeOctets), all(false), 65000);
        assertThat(v2.get(0).getVariable()).isInstanceOf(Counter64.class);
        PDU end = RequestProcessor.answer(request(PDU.GETNEXT, new OID("1.3.6.1.4.1.9586.200")), all(true), 65000);
        assertThat(end.getErrorStatus()).isEqualTo(PDU.noSuchName);
        PDU endV2 = RequestProcessor.answer(request(PDU.GETNEXT, new OID("1.3.6.1.4.1.9586.200")), all(false), 65000);
        assertThat(endV2.get(0).getVariable()).isEqualTo(Null.endOfMibView);
    }

    @Test
    void getBulkRepeatsAfterTheNonRepeatersAndStopsWhenEveryRepeaterHasEnded() {
        PDU bulk = request(PDU.GETBULK, new OID("1.3.6.1.2.1.68"), name(28), new OID("1.3.6.1.4.1.9586.100.5.2.3.1.11.29"));
        bulk.setNonRepeaters(1);
        bulk.setMaxRepetitions(10);
        PDU response = RequestProcessor.answer(bulk, all(false), 65000);
        assertThat(response.getErrorStatus()).isZero();
        List<? extends VariableBinding> vbs = response.getVariableBindings();
        assertThat(vbs.get(0).getOid()).isEqualTo(new OID("1.3.6.1.2.1.68.1.1.0"));
        OID lastOpaque = new OID("1.3.6.1.4.1.9586.100.5.2.3.1.11.30");
        // rounds of (name column, opaque column); the opaque column is the last object and stays ended
        assertThat(vbs).hasSize(1 + 2 * 10);
        assertThat(vbs.subList(1, 7)).extracting(VariableBinding::getOid).containsExactly(name(29), lastOpaque,
                name(30), lastOpaque, new OID("1.3.6.1.4.1.9586.100.5.2.3.1.3.1"), lastOpaque);
        assertThat(vbs.get(4).getVariable()).isEqualTo(Null.endOfMibView);
        assertThat(vbs.get(6).getVariable()).isEqualTo(Null.endOfMibView);

        PDU last = request(PDU.GETBULK, new OID("1.3.6.1.4.1.9586.100.5.2.3.1.11.29"));
        last.setMaxRepetitions(10);
        assertThat(RequestProcessor.answer(last, all(false), 65000).getVariableBindings())
                .extracting(VariableBinding::getVariable).containsExactly(
                        VIEW.get(lastOpaque), Null.endOfMibView);
    }

    @Test
    void cutsAGetBulkShortToFitAndNeverAnswersItTooBig() {
        PDU bulk = request(PDU.GETBULK, new OID("1.3.6.1.4.1.9586.100.5"));
        bulk.setMaxRepetitions(1000);
        PDU response = RequestProcessor.answer(bulk, all(false), 600);
        assertThat(response.getErrorStatus()).isZero();
        assertThat(response.size()).isBetween(5, 40);
        assertThat(response.getBERLength()).isLessThanOrEqualTo(600);
    }

    @Test
    void answersTooBigWhenAGetDoesNotFit() {
        PDU response = RequestProcessor.answer(request(PDU.GET, name(1), name(2), name(3)), all(false), 40);
        assertThat(response.getErrorStatus()).isEqualTo(PDU.tooBig);
        assertThat(response.size()).isZero();
    }

    @Test
    void refusesSetsAsNetSnmpDoesForAReadOnlyView() {
        PDU set = request(PDU.SET, name(1));
        assertThat(RequestProcessor.refuseSet(set, false).getErrorStatus()).isEqualTo(PDU.noAccess);
        assertThat(RequestProcessor.refuseSet(set, false).getErrorIndex()).isEqualTo(1);
        assertThat(RequestProcessor.refuseSet(set, true).getErrorStatus()).isEqualTo(PDU.noSuchName);
        assertThat(RequestProcessor.refuseUser(set).getErrorStatus()).isEqualTo(PDU.authorizationError);
    }

    @Test
    void keepsTheContextOfAnSnmpv3Request() {
        ScopedPDU scoped = new ScopedPDU();
        scoped.setType(PDU.GET);
        scoped.setContextName(new org.snmp4j.smi.OctetString("ctx"));
        scoped.add(new VariableBinding(name(1)));
        PDU response = RequestProcessor.answer(scoped, all(false), 65000);
        assertThat(response).isInstanceOf(ScopedPDU.class);
        assertThat(((ScopedPDU) response).getContextName().toString()).isEqualTo("ctx");
    }

    @Test
    void readsOnlyInsideTheGrantedSubtree() {
        ReadableView vrrp = new ReadableView(VIEW, new Subtree(new OID("1.3.6.1.2.1.68")), false);
        assertThat(vrrp.get(name(1))).isNull();
        assertThat(vrrp.next(new OID("1.3")).getOid()).isEqualTo(new OID("1.3.6.1.2.1.68.1.1.0"));
        assertThat(vrrp.next(new OID("1.3.6.1.2.1.68.1.3.1.4.2.30"))).isNull();
    }
}
