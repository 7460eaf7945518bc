package org.keepalived4j.config.vrrp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.config.AuthType;
import org.keepalived4j.config.NotifyScript;
import org.keepalived4j.config.RouteConfig;
import org.keepalived4j.config.RuleConfig;
import org.keepalived4j.config.SourceLocation;
import org.keepalived4j.config.TrackRef;
import org.keepalived4j.config.UnicastPeer;
import org.keepalived4j.config.VipConfig;
import org.keepalived4j.config.read.ConfigNode;
import org.keepalived4j.model.VrrpState;

/**
 * A {@code vrrp_instance} while it is read and completed; parse-time only. Unset values are
 * {@code null} (or 0 where keepalived uses 0 for "unset"), because keepalived derives them
 * from each other and from global_defs afterwards.
 */
final class InstanceDraft {

    final VrrpSection owner;
    final String name;
    final SourceLocation location;
    final ConfigNode node;
    VrrpState state;
    String interfaceName;
    int vrid;
    int priority;
    long advertMicros;
    int version;
    /** 4, 6, or 0 until an address decides it. */
    int family;
    boolean nopreempt;
    long preemptDelayMicros;
    AuthType authType = AuthType.NONE;
    String authPass;
    final List<VipConfig> vips = new ArrayList<>();
    final List<VipConfig> excludedVips = new ArrayList<>();
    final List<RouteConfig> routes = new ArrayList<>();
    final List<RuleConfig> rules = new ArrayList<>();
    boolean promoteSecondaries;
    InetAddress sourceAddress;
    boolean sourceIsUnicast;
    InetAddress mcastDst;
    final List<UnicastPeer> peers = new ArrayList<>();
    int unicastTtl = -1;
    boolean unicastConfigured;
    boolean unicastFaultNoPeer;
    boolean checkUnicastSrc;
    boolean useVmac;
    String vmacName;
    String vmacMac;
    boolean vmacXmitBase;
    boolean useVmacAddr;
    boolean useIpvlan;
    boolean oldUnicastChecksum;
    boolean trackSrcIp;
    final List<TrackRef> trackInterfaces = new ArrayList<>();
    final List<TrackRef> trackScripts = new ArrayList<>();
    final List<TrackRef> trackFiles = new ArrayList<>();
    final List<TrackRef> trackProcesses = new ArrayList<>();
    final List<TrackRef> trackBfds = new ArrayList<>();
    boolean dontTrackPrimary;
    Long garpMasterDelayMicros;
    Integer garpMasterRepeat;
    Long garpLowerPrioDelayMicros;
    Integer garpLowerPrioRepeat;
    Long garpRefreshMicros;
    Integer garpRefreshRepeat;
    Long garpExtraIfMicros;
    boolean garpExtraIfAll;
    int downTimerAdverts = 3;
    /** {@code kernel_rx_buf_size}; 0 when not given (keepalived treats 0 as not given). */
    long kernelRxBufSize;
    Boolean lowerPrioNoAdvert;
    Boolean higherPrioSendAdvert;
    Boolean accept;
    Boolean strictMode;
    boolean skipCheckAdvAddr;
    NotifyScript notifyMaster;
    NotifyScript notifyBackup;
    NotifyScript notifyFault;
    NotifyScript notifyStop;
    NotifyScript notifyDeleted;
    boolean notifyDeletedGiven;
    NotifyScript notifyAny;
    NotifyScript notifyMasterRxLowerPri;
    Boolean notifyPriorityChanges;
    Boolean smtpAlert;
    /** The instance cannot run as configured (keepalived's config fault count). */
    int configFaults;
    String syncGroup;

    InstanceDraft(VrrpSection owner, String name, ConfigNode node) {
        this.owner = owner;
        this.name = name;
        this.node = node;
        this.location = node.location();
    }

    boolean ipv6() {
        return family == 6;
    }

    /** Takes a family from an address; false when it conflicts with the instance's. */
    boolean adoptFamily(boolean addressIpv6) {
        int f = addressIpv6 ? 6 : 4;
        if (family == 0) {
            family = f;
            return true;
        }
        return family == f;
    }
}
