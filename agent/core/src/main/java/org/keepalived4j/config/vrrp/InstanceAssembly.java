package org.keepalived4j.config.vrrp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.Locale;
import org.keepalived4j.config.AuthConfig;
import org.keepalived4j.config.AuthType;
import org.keepalived4j.config.GarpConfig;
import org.keepalived4j.config.NotifyConfig;
import org.keepalived4j.config.RxBufferConfig;
import org.keepalived4j.config.TrackRef;
import org.keepalived4j.config.TrackingConfig;
import org.keepalived4j.config.VipConfig;
import org.keepalived4j.config.VmacConfig;
import org.keepalived4j.config.VrrpInstanceConfig;
import org.keepalived4j.config.VrrpTransportConfig;
import org.keepalived4j.config.global.GlobalDraft;
import org.keepalived4j.config.keyword.ParseContext;

/**
 * The second half of completing an instance: accept mode, strict-mode garp/advert rules,
 * defaults for mail and FIFO notifications, the advert interval for the VRRP version,
 * VMAC consistency, tracking adjustments, and the immutable {@link VrrpInstanceConfig}.
 */
final class InstanceAssembly {

    private InstanceAssembly() {
    }

    static VrrpInstanceConfig finish(ParseContext ctx, GlobalDraft g, InstanceDraft d, SyncGroupParser.Draft group,
            boolean strict, boolean unicast) {
        boolean accept = d.accept != null ? d.accept : d.priority == 255 || !strict;
        if (accept && d.priority != 255 && strict && d.version == 2) {
            ctx.error(d.node, d.name, "warning - accept mode for VRRP version 2 does not comply with RFC3768 - resetting");
            accept = false;
        }
        if (unicast && d.mcastDst != null) {
            ctx.error(d.node, d.name, "multicast destination specified with unicast - ignoring");
            d.mcastDst = null;
        }
        GarpConfig garp = garp(ctx, g, d, strict);
        boolean lowerPrioNoAdvert = d.lowerPrioNoAdvert == null ? strict || g.lowerPrioNoAdvert : d.lowerPrioNoAdvert;
        if (d.lowerPrioNoAdvert != null && strict && !d.lowerPrioNoAdvert) {
            ctx.error(d.node, d.name, "Strict mode requires no lower priority advert. resetting");
            lowerPrioNoAdvert = true;
        }
        boolean higherPrio = d.higherPrioSendAdvert == null ? !strict && g.higherPrioSendAdvert : d.higherPrioSendAdvert;
        if (d.higherPrioSendAdvert != null && strict && d.higherPrioSendAdvert) {
            ctx.error(d.node, d.name, "strict mode requires higher_prio_send_advert to be clear. resetting");
            higherPrio = false;
        }
        boolean smtp = d.smtpAlert != null ? d.smtpAlert : g.vrrpSmtpAlert();
        boolean priorityChanges = d.notifyPriorityChanges != null ? d.notifyPriorityChanges
                : group != null && group.notifyPriorityChanges != null ? group.notifyPriorityChanges
                        : g.notifyPriorityChanges;
        long advert = advertInterval(ctx, d);
        vmac(ctx, d, strict);
        trackOwnInterface(ctx, d);
        if (d.vips.isEmpty()) {
            ctx.warning(d.node, d.name, "No VIP specified; at least one is sensible");
        }
        TrackingAdjustment.forSyncOrOwner(ctx, d, group);
        VmacConfig vmac = d.useVmac ? new VmacConfig(d.vmacName, d.vmacMac, d.vmacXmitBase, d.useVmacAddr) : null;
        VrrpTransportConfig transport = new VrrpTransportConfig(d.sourceIsUnicast ? null : d.sourceAddress,
                d.sourceIsUnicast ? d.sourceAddress : null,
                unicast ? null : d.mcastDst != null ? d.mcastDst : d.family == 6 ? g.toConfig("").mcastGroup6()
                        : g.toConfig("").mcastGroup4(),
                d.peers, d.unicastTtl < 0 ? 255 : d.unicastTtl, d.unicastFaultNoPeer,
                d.checkUnicastSrc || g.checkUnicastSrc, vmac, d.oldUnicastChecksum,
                d.trackSrcIp && d.sourceAddress != null, rxBuffer(g, d));
        TrackingConfig tracking = new TrackingConfig(d.trackInterfaces, d.trackScripts, d.trackFiles,
                d.trackProcesses, d.trackBfds);
        NotifyConfig notify = new NotifyConfig(d.notifyMaster, d.notifyBackup, d.notifyFault, d.notifyStop,
                d.notifyDeleted, d.notifyDeletedGiven && d.notifyDeleted == null, d.notifyAny,
                d.notifyMasterRxLowerPri);
        AuthConfig auth = d.authType == AuthType.NONE ? AuthConfig.NONE : new AuthConfig(d.authType, d.authPass);
        return new VrrpInstanceConfig(d.name, d.location, d.state, d.interfaceName, d.vrid, d.priority, advert,
                d.version, d.family == 6, !d.nopreempt, d.preemptDelayMicros, auth, d.vips, d.excludedVips, d.routes,
                d.rules, d.promoteSecondaries, transport, tracking, d.dontTrackPrimary, garp, d.downTimerAdverts,
                lowerPrioNoAdvert, higherPrio, accept, strict, d.skipCheckAdvAddr, notify, priorityChanges, smtp);
    }

    /** keepalived's order: the instance's own size, else the global size, ADVERT or MTU policy. */
    private static RxBufferConfig rxBuffer(GlobalDraft g, InstanceDraft d) {
        if (d.kernelRxBufSize > 0) {
            return new RxBufferConfig(RxBufferConfig.Kind.SIZE, d.kernelRxBufSize);
        }
        return g.rxBuffers();
    }

    private static GarpConfig garp(ParseContext ctx, GlobalDraft g, InstanceDraft d, boolean strict) {
        GarpConfig global = g.garp();
        long lowerDelay;
        int lowerRepeat;
        if (d.garpLowerPrioRepeat == null) {
            lowerRepeat = strict ? 0 : global.lowerPrioRepeat();
        } else if (strict && d.garpLowerPrioRepeat != 0) {
            ctx.error(d.node, d.name, "Strict mode requires no repeat garps. resetting");
            lowerRepeat = 0;
        } else {
            lowerRepeat = d.garpLowerPrioRepeat;
        }
        if (d.garpLowerPrioDelayMicros == null) {
            lowerDelay = strict ? 0 : global.lowerPrioDelayMicros();
        } else if (strict && d.garpLowerPrioDelayMicros != 0) {
            ctx.error(d.node, d.name, "Strict mode requires no repeat garp delay. resetting");
            lowerDelay = 0;
        } else {
            lowerDelay = d.garpLowerPrioDelayMicros;
        }
        return new GarpConfig(d.garpMasterDelayMicros != null ? d.garpMasterDelayMicros : global.masterDelayMicros(),
                d.garpMasterRepeat != null ? d.garpMasterRepeat : global.masterRepeat(), lowerDelay, lowerRepeat,
                d.garpRefreshMicros != null ? d.garpRefreshMicros : global.masterRefreshMicros(),
                d.garpRefreshRepeat != null ? d.garpRefreshRepeat : global.masterRefreshRepeat(),
                d.garpExtraIfMicros != null ? d.garpExtraIfMicros : global.extraIfMicros(),
                d.garpExtraIfMicros != null ? d.garpExtraIfAll : global.extraIfAll());
    }

    /** keepalived's rounding of the advert interval to what the version can carry. */
    static long advertInterval(ParseContext ctx, InstanceDraft d) {
        long advert = d.advertMicros == 0 ? 1_000_000L : d.advertMicros;
        long unit = d.version == 2 ? 1_000_000L : 10_000L;
        long limit = d.version == 2 ? 256_000_000L : 40_960_000L;
        String v = d.version == 2 ? "VRRPv2" : "VRRPv3";
        if (advert >= limit) {
            long max = limit - unit;
            ctx.error(d.node, d.name, v + " advertisement interval " + seconds(advert, 2) + "s is out of range. Must be"
                    + " less than " + (d.version == 2 ? "256" : "40.96") + "s. Setting to "
                    + (d.version == 2 ? "255" : "40.95") + "s");
            return max;
        }
        if (advert % unit != 0) {
            ctx.warning(d.node, d.name, v + " advertisement interval " + seconds(advert, 6) + "s "
                    + (d.version == 2 ? "must be an integer. rounding" : "must be in units of 10ms - rounding"));
            long rounded = (advert + unit / 2) / unit * unit;
            return rounded == 0 ? unit : rounded;
        }
        return advert;
    }

    private static String seconds(long micros, int decimals) {
        return BigDecimal.valueOf(micros, 6).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString()
                .toLowerCase(Locale.ROOT);
    }

    private static void vmac(ParseContext ctx, InstanceDraft d, boolean strict) {
        if (d.useVmac && strict && d.vmacXmitBase) {
            ctx.error(d.node, d.name, "xmit_base is incompatible with strict mode - resetting");
            d.vmacXmitBase = false;
        }
        if (d.promoteSecondaries && (d.useVmac || d.useIpvlan)) {
            ctx.warning(d.node, d.name, "promote_secondaries is automatically set for vmacs - ignoring");
            d.promoteSecondaries = false;
        }
        if (d.vmacXmitBase && !d.useVmac) {
            ctx.error(d.node, d.name, "vmac_xmit_base is only valid with a vmac");
            d.vmacXmitBase = false;
        }
    }

    private static void trackOwnInterface(ParseContext ctx, InstanceDraft d) {
        if (d.interfaceName != null) {
            Iterator<TrackRef> it = d.trackInterfaces.iterator();
            while (it.hasNext()) {
                TrackRef t = it.next();
                if (t.name().equals(d.interfaceName)) {
                    ctx.diagnostics().warning(d.location, d.name, "Ignoring track_interface " + t.name()
                            + " since own interface");
                    it.remove();
                }
            }
            return;
        }
        removeWithoutInterface(ctx, d, d.vips, "");
        removeWithoutInterface(ctx, d, d.excludedVips, "e");
    }

    private static void removeWithoutInterface(ParseContext ctx, InstanceDraft d, java.util.List<VipConfig> list,
            String kind) {
        Iterator<VipConfig> vips = list.iterator();
        while (vips.hasNext()) {
            VipConfig vip = vips.next();
            if (vip.device() == null) {
                ctx.error(d.node, d.name, "no interface for " + kind + "vip " + vip.address() + " - removing");
                vips.remove();
            }
        }
    }
}
