package org.keepalived4j.exporter.snmp.rfc;

import java.util.SortedMap;
import org.keepalived4j.exporter.snmp.MibSection;
import org.keepalived4j.exporter.snmp.vrrp.AuthType;
import org.keepalived4j.exporter.snmp.vrrp.InetAddresses;
import org.keepalived4j.exporter.snmp.vrrp.InterfaceDirectory;
import org.keepalived4j.exporter.snmp.vrrp.Table;
import org.keepalived4j.exporter.snmp.vrrp.TruthValue;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.VipSnapshot;
import org.keepalived4j.model.VrrpCounters;
import org.keepalived4j.model.VrrpInstanceSettings;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpRouterCounters;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;

/**
 * VRRP-MIB (RFC 2787, {@code .1.3.6.1.2.1.68}) as keepalived 2.2.7 serves it: vrrpNodeVersion,
 * vrrpNotificationCntl, vrrpOperTable, vrrpAssoIpAddrTable, the router-wide error counters and
 * vrrpRouterStatsTable, for the VRRPv2 IPv4 instances with a virtual address. Served while
 * {@code enable_snmp_rfcv2} is set.
 *
 * <p>Where this differs from keepalived: vrrpOperMasterIpAddr of a MASTER is its own address
 * (keepalived leaves the last other master it heard, or 0.0.0.0); vrrpOperVirtualRouterUpTime is
 * 0 (keepalived's is the few hundredths of a second between its SNMP start and the instance's);
 * the three router-wide counters count every packet of the router (keepalived adds up those of
 * its VRRPv2 instances, and never counts VRID errors); and every row is served (keepalived's
 * getnext serves only the first row of vrrpOperTable and vrrpRouterStatsTable).
 */
public final class VrrpMibSection implements MibSection {

    /** VRRP-MIB (never changed: OIDs are mutable). */
    static final OID ROOT = new OID("1.3.6.1.2.1.68");

    private final InterfaceDirectory interfaces;

    /** @param interfaces where the ifIndex and MAC address of an instance's interface are looked up */
    public VrrpMibSection(InterfaceDirectory interfaces) {
        this.interfaces = interfaces;
    }

    @Override
    public OID root() {
        return new OID(ROOT);
    }

    @Override
    public void collect(StateSnapshot state, SortedMap<OID, Variable> out) {
        if (!state.daemon().settings().snmpRfcV2()) {
            return;
        }
        out.put(oid("1.1.0"), new Integer32(2));
        out.put(oid("1.2.0"), TruthValue.of(state.daemon().settings().trapsEnabled()));
        Table operations = new Table(oid("1.3.1"), out);
        Table addresses = new Table(oid("1.4.1"), out);
        Table statistics = new Table(oid("2.4.1"), out);
        for (VrrpInstanceSnapshot instance : state.vrrpInstances()) {
            if (VirtualRouters.inVrrpMib(instance)) {
                OID row = VirtualRouters.vrrpIndex(instance, interfaces);
                operation(operations, row, instance);
                for (VipSnapshot vip : VirtualRouters.addresses(instance)) {
                    OID address = new OID(row);
                    address.append(new OID(InetAddresses.ipAddress(vip.settings().value()).toSubIndex(false)));
                    addresses.cell(2, address, new Integer32(1));
                }
                statistics(statistics, row, instance.counters());
            }
        }
        VrrpRouterCounters router = state.daemon().router();
        out.put(oid("2.1.0"), counter(router.checksumErrors()));
        out.put(oid("2.2.0"), counter(router.versionErrors()));
        out.put(oid("2.3.0"), counter(router.vridErrors()));
    }

    private void operation(Table table, OID row, VrrpInstanceSnapshot instance) {
        VrrpInstanceSettings s = instance.settings();
        byte[] mac = interfaces.hardwareAddress(s.interfaceName());
        table.cell(2, row, mac.length == 0 ? null : new OctetString(mac));
        table.cell(3, row, new Integer32(VirtualRouters.operState(instance.state())));
        table.cell(4, row, new Integer32(1));
        table.cell(5, row, new Integer32(instance.status().basePriority()));
        table.cell(6, row, new Integer32(VirtualRouters.addresses(instance).size()));
        table.cell(7, row, InetAddresses.ipAddress(instance.status().masterAddress()));
        table.cell(8, row, InetAddresses.ipAddress(instance.status().primaryAddress()));
        table.cell(9, row, new Integer32(AuthType.code(s.authType()) + 1)); // noAuthentication(1)...
        table.cell(11, row, new Integer32((int) s.advertInterval().toSeconds()));
        table.cell(12, row, TruthValue.of(s.preempt()));
        table.cell(13, row, new TimeTicks(0));
        table.cell(14, row, new Integer32(1));
        table.cell(15, row, new Integer32(1));
    }

    private static void statistics(Table table, OID row, VrrpCounters c) {
        table.cell(1, row, counter(c.becomeMaster()));
        table.cell(2, row, counter(c.advertRcvd()));
        table.cell(3, row, counter(c.advertIntervalErr()));
        table.cell(4, row, counter(c.authFailure()));
        table.cell(5, row, counter(c.ipTtlErr()));
        table.cell(6, row, counter(c.priZeroRcvd()));
        table.cell(7, row, counter(c.priZeroSent()));
        table.cell(8, row, counter(c.invalidTypeRcvd()));
        table.cell(9, row, counter(c.addrListErr()));
        table.cell(10, row, counter(c.invalidAuthtype()));
        table.cell(11, row, counter(c.authtypeMismatch()));
        table.cell(12, row, counter(c.packetLenErr()));
    }

    /** A Counter32 of a count that may have passed 2^32, as keepalived's 32-bit counters wrap. */
    private static Counter32 counter(long count) {
        return new Counter32(count & 0xFFFFFFFFL);
    }

    /** An OID under this MIB, e.g. {@code oid("1.3.1")}. */
    static OID oid(String suffix) {
        OID oid = new OID(ROOT);
        oid.append(suffix);
        return oid;
    }
}
