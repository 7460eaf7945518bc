package org.keepalived4j.exporter.snmp.rfc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.SortedMap;
import org.keepalived4j.exporter.snmp.MibSection;
import org.keepalived4j.exporter.snmp.vrrp.InetAddresses;
import org.keepalived4j.exporter.snmp.vrrp.InterfaceDirectory;
import org.keepalived4j.exporter.snmp.vrrp.Table;
import org.keepalived4j.exporter.snmp.vrrp.TruthValue;
import org.keepalived4j.exporter.snmp.vrrp.Unsigned32;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.VipSnapshot;
import org.keepalived4j.model.VrrpCounters;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpInstanceStatus;
import org.keepalived4j.model.VrrpRouterCounters;
import org.keepalived4j.model.VrrpState;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;

/**
 * VRRPv3-MIB (RFC 6527, {@code .1.3.6.1.2.1.207}) as keepalived 2.2.7 serves it:
 * vrrpv3OperationsTable, vrrpv3AssociatedIpAddrTable, the router-wide statistics and
 * vrrpv3StatisticsTable, for every instance with a virtual address. Served while
 * {@code enable_snmp_rfcv3} is set. As keepalived does, an associated address's index ends with
 * the address's 4 or 16 bytes without a length, and no discontinuity is ever reported.
 *
 * <p>Where this differs from keepalived: vrrpv3OperationsUpTime counts from the last
 * (re)load of the configuration, when keepalived (re)starts its instances; the three router-wide
 * counters count every packet of the router (keepalived adds up those of its instances, and
 * never counts VRID errors).
 */
public final class Vrrpv3MibSection implements MibSection {

    /** VRRPv3-MIB (never changed: OIDs are mutable). */
    static final OID ROOT = new OID("1.3.6.1.2.1.207");

    private final InterfaceDirectory interfaces;
    private final Clock clock;

    /**
     * @param interfaces where the ifIndex and MAC address of an instance's interface are looked up
     * @param clock the daemon's clock, for the instances' up time
     */
    public Vrrpv3MibSection(InterfaceDirectory interfaces, Clock clock) {
        this.interfaces = interfaces;
        this.clock = clock;
    }

    @Override
    public OID root() {
        return new OID(ROOT);
    }

    @Override
    public void collect(StateSnapshot state, SortedMap<OID, Variable> out) {
        if (!state.daemon().settings().snmpRfcV3()) {
            return;
        }
        Table operations = new Table(oid("1.1.1.1"), out);
        Table addresses = new Table(oid("1.1.2.1"), out);
        Table statistics = new Table(oid("1.2.5.1"), out);
        for (VrrpInstanceSnapshot instance : state.vrrpInstances()) {
            if (VirtualRouters.inVrrpv3Mib(instance)) {
                OID row = VirtualRouters.vrrpv3Index(instance, interfaces);
                operation(operations, row, instance, state);
                for (VipSnapshot vip : VirtualRouters.addresses(instance)) {
                    OID address = new OID(row);
                    address.append(new OID(InetAddresses.octets(vip.settings().value()).toSubIndex(true)));
                    addresses.cell(2, address, new Integer32(1));
                }
                statistics(statistics, row, instance, state);
            }
        }
        VrrpRouterCounters router = state.daemon().router();
        out.put(oid("1.2.1.0"), new Counter64(router.checksumErrors()));
        out.put(oid("1.2.2.0"), new Counter64(router.versionErrors()));
        out.put(oid("1.2.3.0"), new Counter64(router.vridErrors()));
        out.put(oid("1.2.4.0"), new TimeTicks(0));
    }

    private void operation(Table table, OID row, VrrpInstanceSnapshot instance, StateSnapshot state) {
        VrrpInstanceStatus t = instance.status();
        boolean ipv6 = instance.settings().ipv6();
        OctetString primary = address(t.primaryAddress(), ipv6);
        byte[] mac = interfaces.hardwareAddress(instance.interfaceName());
        table.cell(3, row, instance.state() == VrrpState.MASTER ? primary : address(t.masterAddress(), ipv6));
        table.cell(4, row, primary);
        table.cell(5, row, mac.length == 0 ? null : new OctetString(mac));
        table.cell(6, row, new Integer32(VirtualRouters.operState(instance.state())));
        table.cell(7, row, Unsigned32.of(t.basePriority()));
        table.cell(8, row, new Integer32(VirtualRouters.addresses(instance).size()));
        table.cell(9, row, new Integer32((int) (instance.settings().advertInterval().toMillis() / 10)));
        table.cell(10, row, TruthValue.of(instance.settings().preempt()));
        table.cell(11, row, TruthValue.of(instance.settings().accept()));
        table.cell(12, row, new TimeTicks(upTime(instance, state)));
        table.cell(13, row, new Integer32(1));
    }

    private static void statistics(Table table, OID row, VrrpInstanceSnapshot instance, StateSnapshot state) {
        VrrpCounters c = instance.counters();
        table.cell(1, row, new Counter32(c.becomeMaster() & 0xFFFFFFFFL));
        table.cell(2, row, new Integer32(MasterReasons.code(instance, state)));
        table.cell(3, row, new Counter64(c.advertRcvd()));
        table.cell(4, row, new Counter64(c.advertIntervalErr()));
        table.cell(5, row, new Counter64(c.ipTtlErr()));
        table.cell(6, row, new Integer32(MasterReasons.protocolError(instance.status().lastProtocolError())));
        table.cell(7, row, new Counter64(c.priZeroRcvd()));
        table.cell(8, row, new Counter64(c.priZeroSent()));
        table.cell(9, row, new Counter64(c.invalidTypeRcvd()));
        table.cell(10, row, new Counter64(c.addrListErr()));
        table.cell(11, row, new Counter64(c.packetLenErr()));
        table.cell(12, row, new TimeTicks(0));
        table.cell(13, row, Unsigned32.of(instance.settings().advertInterval().toMillis() / 10 * 10));
    }

    /** Hundredths of a second since the instance started, while it is BACKUP or MASTER; else 0. */
    private long upTime(VrrpInstanceSnapshot instance, StateSnapshot state) {
        Instant since = state.daemon().configLoaded();
        if (since == null || (instance.state() != VrrpState.BACKUP && instance.state() != VrrpState.MASTER)) {
            return 0;
        }
        long hundredths = Duration.between(since, clock.instant()).toMillis() / 10;
        return Math.max(0, Math.min(hundredths, 0xFFFFFFFFL));
    }

    /** An address of the instance's family, or that family's zero address when unknown. */
    private static OctetString address(String text, boolean ipv6) {
        OctetString o = InetAddresses.octets(text);
        return o == null ? InetAddresses.unspecified(ipv6) : o;
    }

    /** An OID under this MIB, e.g. {@code oid("1.3.1")}. */
    static OID oid(String suffix) {
        OID oid = new OID(ROOT);
        oid.append(suffix);
        return oid;
    }
}
