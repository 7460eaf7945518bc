package org.keepalived4j.exporter.snmp.agent;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.keepalived4j.exporter.snmp.MibView;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Opaque;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * A fixed view over the three subtrees the daemon serves (KEEPALIVED-MIB, VRRP-MIB, VRRPv3-MIB):
 * tables of every SMIv2 type an agent can return, a few hundred objects in all.
 */
final class TestMibView implements MibView {

    static final OID KEEPALIVED = new OID("1.3.6.1.4.1.9586.100.5");
    static final OID VRRP = new OID("1.3.6.1.2.1.68");
    static final OID VRRPV3 = new OID("1.3.6.1.2.1.207");
    static final int ROWS = 30;

    private final NavigableMap<OID, Variable> objects = new TreeMap<>();

    TestMibView() {
        objects.put(oid(KEEPALIVED, 1, 1, 1, 0), new OctetString("keepalived4j 0.1.0"));
        objects.put(oid(KEEPALIVED, 1, 1, 2, 0), new OctetString("lb1"));
        for (int row = 1; row <= ROWS; row++) {
            objects.put(oid(KEEPALIVED, 2, 3, 1, 2, row), new OctetString("VI_" + row));
            objects.put(oid(KEEPALIVED, 2, 3, 1, 3, row), new Integer32(row % 2 == 0 ? -row : row * 1000));
            objects.put(oid(KEEPALIVED, 2, 3, 1, 4, row), new Gauge32(row * 7L));
            objects.put(oid(KEEPALIVED, 2, 3, 1, 5, row), new Counter32(4_000_000_000L + row));
            objects.put(oid(KEEPALIVED, 2, 3, 1, 6, row), new Counter64(10_000_000_000L * row));
            objects.put(oid(KEEPALIVED, 2, 3, 1, 7, row), new TimeTicks(row * 100L));
            objects.put(oid(KEEPALIVED, 2, 3, 1, 8, row), new IpAddress("10.0." + row + ".1"));
            objects.put(oid(KEEPALIVED, 2, 3, 1, 9, row), new OID(new int[] {1, 3, 6, 1, 4, 1, 9586, row}));
            objects.put(oid(KEEPALIVED, 2, 3, 1, 10, row), OctetString.fromByteArray(new byte[] {0, (byte) row, (byte) 0xff}));
            objects.put(oid(KEEPALIVED, 2, 3, 1, 11, row), new Opaque(new byte[] {1, 2, (byte) row}));
            // two-part index, as VRRP-MIB's (ifIndex, VrId)
            objects.put(oid(VRRP, 1, 3, 1, 3, 2, row), new Integer32(row % 3 + 1));
            objects.put(oid(VRRP, 1, 3, 1, 4, 2, row), new Counter32(row));
            objects.put(oid(VRRPV3, 1, 1, 1, 1, 4, 1, row), new Integer32(row));
            objects.put(oid(VRRPV3, 1, 1, 1, 1, 5, 1, row), new OctetString("10.1.0." + row));
        }
        objects.put(oid(VRRP, 1, 1, 0), new OctetString("VRRP-MIB"));
        objects.put(oid(VRRPV3, 2, 1, 1, 0), new Counter64(Long.MAX_VALUE));
    }

    private static OID oid(OID root, int... sub) {
        OID o = new OID(root);
        o.append(new OID(sub));
        return o;
    }

    /** Every object, in OID order. */
    NavigableMap<OID, Variable> objects() {
        return objects;
    }

    /** The objects under {@code root}. */
    Map<OID, Variable> under(OID root) {
        Map<OID, Variable> m = new TreeMap<>();
        objects.forEach((k, v) -> {
            if (k.startsWith(root)) {
                m.put(k, v);
            }
        });
        return m;
    }

    @Override
    public List<OID> roots() {
        return List.of(VRRP, VRRPV3, KEEPALIVED);
    }

    @Override
    public Variable get(OID oid) {
        return objects.get(oid);
    }

    @Override
    public VariableBinding next(OID oid) {
        Map.Entry<OID, Variable> e = objects.higherEntry(oid);
        return e == null ? null : new VariableBinding(e.getKey(), e.getValue());
    }
}
