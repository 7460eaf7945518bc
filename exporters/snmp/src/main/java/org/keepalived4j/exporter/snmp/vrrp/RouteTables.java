package org.keepalived4j.exporter.snmp.vrrp;

import java.util.List;
import org.keepalived4j.model.RouteSettings;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;

/**
 * vrrpRouteTable, indexed by (instance position, route position), and vrrpRouteNextHopTable,
 * indexed by (instance, route, next hop). This daemon checks virtual routes but does not
 * install them, so vrrpRouteStatus is always false(2).
 */
final class RouteTables {

    private final Table routes;
    private final Table nextHops;
    private final InterfaceDirectory interfaces;

    RouteTables(Table routes, Table nextHops, InterfaceDirectory interfaces) {
        this.routes = routes;
        this.nextHops = nextHops;
        this.interfaces = interfaces;
    }

    void collect(StateSnapshot state) {
        for (VrrpInstanceSnapshot instance : state.vrrpInstances()) {
            List<RouteSettings> all = instance.settings().routes();
            for (int r = 0; r < all.size(); r++) {
                RouteLine line = RouteLine.parse(all.get(r).words());
                int instanceIndex = instance.settings().index();
                route(Table.index(instanceIndex, r + 1), line);
                for (int h = 0; h < line.nextHops.size(); h++) {
                    nextHop(Table.index(instanceIndex, r + 1, h + 1), line.nextHops.get(h));
                }
            }
        }
    }

    private void route(OID row, RouteLine r) {
        boolean ipv6 = InetAddresses.isIpv6(r.destination) || InetAddresses.isIpv6(r.from)
                || InetAddresses.isIpv6(r.preferredSource);
        routes.cell(2, row, InetAddresses.type(ipv6));
        routes.cell(3, row, InetAddresses.octets(r.destination));
        routes.cell(4, row, Unsigned32.of(Prefixes.length(r.destination)));
        routes.cell(5, row, InetAddresses.octets(r.via));
        routes.cell(6, row, r.nextHops.size() == 1 ? InetAddresses.octets(r.nextHops.get(0).via()) : null);
        routes.cell(7, row, InetAddresses.octets(r.preferredSource));
        routes.cell(8, row, Unsigned32.of(r.metric));
        routes.cell(9, row, new Integer32(Scopes.inetScope(r.scope)));
        routes.cell(10, row, new Integer32(typeCode(r)));
        if (r.device != null) {
            routes.cell(11, row, new Integer32(interfaces.index(r.device)));
            routes.cell(12, row, Table.text(r.device));
        }
        routes.cell(13, row, Unsigned32.of(r.table));
        routes.cell(14, row, TruthValue.of(false));
        if (r.from != null) {
            routes.cell(15, row, InetAddresses.octets(r.from));
            routes.cell(16, row, Unsigned32.of(Prefixes.length(r.from)));
        }
        routes.cell(17, row, r.tos == null ? null : Unsigned32.of(r.tos));
        routes.cell(18, row, r.protocol == null ? null : new Integer32(r.protocol + 1));
        routes.cell(19, row, TruthValue.of(r.ecn));
        routes.cell(20, row, TruthValue.of(r.has("quickack")));
        routes.cell(21, row, r.has("expires") ? new Integer32((int) r.metricValue("expires")) : null);
        metrics(row, r);
    }

    private void metrics(OID row, RouteLine r) {
        lockable(row, 22, r, "mtu", 1);
        routes.cell(24, row, r.has("hoplimit") ? Unsigned32.of(r.metricValue("hoplimit")) : null);
        // keepalived serves advmss when hoplimit is set (and its lock when advmss is).
        routes.cell(25, row, r.has("hoplimit") ? Unsigned32.of(r.metricValue("advmss")) : null);
        routes.cell(26, row, r.has("advmss") ? TruthValue.of(r.locked.contains("advmss")) : null);
        lockable(row, 27, r, "rtt", 8);
        lockable(row, 29, r, "rttvar", 4);
        lockable(row, 31, r, "reordering", 1);
        routes.cell(33, row, r.has("window") ? Unsigned32.of(r.metricValue("window")) : null);
        lockable(row, 34, r, "cwnd", 1);
        lockable(row, 36, r, "ssthresh", 1);
        lockable(row, 38, r, "rto_min", 1);
        routes.cell(40, row, r.has("initcwnd") ? Unsigned32.of(r.metricValue("initcwnd")) : null);
        routes.cell(41, row, r.has("initrwnd") ? Unsigned32.of(r.metricValue("initrwnd")) : null);
        routes.cell(42, row, r.congestionControl == null ? null : Table.text(r.congestionControl));
        routes.cell(43, row, r.pref == null ? null : new Integer32(prefCode(r.pref)));
        routes.cell(44, row, r.realms == 0 ? null : Unsigned32.of(r.realms & 0xFFFF));
        routes.cell(45, row, (r.realms >>> 16) == 0 ? null : Unsigned32.of(r.realms >>> 16));
        routes.cell(55, row, r.has("fastopen_no_cookie") ? TruthValue.of(r.metricValue("fastopen_no_cookie") != 0)
                : null);
    }

    /** A metric (divided by {@code unit}) and, beside it, whether it is locked; both only when given. */
    private void lockable(OID row, int column, RouteLine r, String name, int unit) {
        if (r.has(name)) {
            routes.cell(column, row, Unsigned32.of(r.metricValue(name) / unit));
            routes.cell(column + 1, row, TruthValue.of(r.locked.contains(name)));
        }
    }

    private void nextHop(OID row, RouteLine.NextHop h) {
        if (h.via() != null) {
            nextHops.cell(2, row, InetAddresses.type(InetAddresses.isIpv6(h.via())));
            nextHops.cell(3, row, InetAddresses.octets(h.via()));
        }
        if (h.device() != null) {
            nextHops.cell(4, row, new Integer32(interfaces.index(h.device())));
            nextHops.cell(5, row, Table.text(h.device()));
        }
        nextHops.cell(6, row, h.weight() == null ? null : Unsigned32.of(h.weight()));
        nextHops.cell(7, row, TruthValue.of(h.onlink()));
        nextHops.cell(8, row, h.realms() == 0 ? null : Unsigned32.of(h.realms() & 0xFFFF));
        nextHops.cell(9, row, (h.realms() >>> 16) == 0 ? null : Unsigned32.of(h.realms() >>> 16));
    }

    /** vrrpRouteType: multipath 2 whatever the type, else the kernel's type as the MIB numbers it. */
    private static int typeCode(RouteLine r) {
        if (!r.nextHops.isEmpty()) {
            return 2;
        }
        return switch (r.type) {
            case 6 -> 3;
            case 4 -> 4;
            case 5 -> 5;
            case 3 -> 6;
            case 7, 8, 9, 10, 11 -> r.type;
            default -> 1;
        };
    }

    /** vrrpRoutePref: low 1, medium 2, high 3, anything else 0. */
    private static int prefCode(int pref) {
        return switch (pref) {
            case 3 -> 1;
            case 0 -> 2;
            case 1 -> 3;
            default -> 0;
        };
    }

    /** A routing table by name or number: main 254, default 253, local 255. */
    static long tableNumber(String text) {
        return switch (text) {
            case "main" -> 254;
            case "default" -> 253;
            case "local" -> 255;
            default -> Numbers.decodeLong(text, 254);
        };
    }
}
