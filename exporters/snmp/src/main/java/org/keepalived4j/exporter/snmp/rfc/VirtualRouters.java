package org.keepalived4j.exporter.snmp.rfc;

import java.util.List;
import org.keepalived4j.exporter.snmp.vrrp.InterfaceDirectory;
import org.keepalived4j.model.VipSnapshot;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpState;
import org.snmp4j.smi.OID;

/**
 * Which instances the standard MIBs show, and how they index them. keepalived 2.2.7 (as Debian
 * builds it: RFC 6527 answers for VRRPv2 instances too) shows in VRRP-MIB (RFC 2787) each VRRPv2
 * instance over IPv4, and in VRRPv3-MIB (RFC 6527) every instance of either version; both only
 * with at least one virtual address. A virtual router is indexed by the ifIndex of its interface
 * and its VRID, in VRRPv3-MIB then by its InetAddressType.
 */
final class VirtualRouters {

    private VirtualRouters() {
    }

    /** Whether VRRP-MIB (RFC 2787) shows the instance. */
    static boolean inVrrpMib(VrrpInstanceSnapshot instance) {
        return instance.settings().version() == 2 && !instance.settings().ipv6() && !addresses(instance).isEmpty();
    }

    /** Whether VRRPv3-MIB (RFC 6527) shows the instance. */
    static boolean inVrrpv3Mib(VrrpInstanceSnapshot instance) {
        return !addresses(instance).isEmpty();
    }

    /**
     * The virtual addresses the instance advertises: those of its own family (keepalived ignores
     * a virtual address of the other family when it reads the configuration).
     */
    static List<VipSnapshot> addresses(VrrpInstanceSnapshot instance) {
        return instance.vips().stream().filter(v -> v.settings().ipv6() == instance.settings().ipv6()).toList();
    }

    /** The (ifIndex, VRID) index of VRRP-MIB. */
    static OID vrrpIndex(VrrpInstanceSnapshot instance, InterfaceDirectory interfaces) {
        return new OID(new int[] {interfaces.index(instance.interfaceName()), instance.vrid()});
    }

    /** The (ifIndex, VRID, InetAddressType) index of VRRPv3-MIB. */
    static OID vrrpv3Index(VrrpInstanceSnapshot instance, InterfaceDirectory interfaces) {
        return new OID(new int[] {interfaces.index(instance.interfaceName()), instance.vrid(),
            instance.settings().ipv6() ? 2 : 1});
    }

    /** vrrpOperState, vrrpv3OperationsStatus: initialize(1), backup(2), master(3); FAULT and STOP are initialize. */
    static int operState(VrrpState state) {
        return switch (state) {
            case BACKUP -> 2;
            case MASTER -> 3;
            default -> 1;
        };
    }
}
