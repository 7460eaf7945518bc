package org.keepalived4j.state;

import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.config.CheckerConfig;
import org.keepalived4j.config.CheckerDefaultsConfig;
import org.keepalived4j.config.ForwardingConfig;
import org.keepalived4j.config.RealServerConfig;
import org.keepalived4j.config.VirtualServerConfig;
import org.keepalived4j.config.VirtualServerGroupConfig;
import org.keepalived4j.config.VirtualServerGroupEntry;
import org.keepalived4j.model.CheckerDefaults;
import org.keepalived4j.model.Forwarding;
import org.keepalived4j.model.RealServerSettings;
import org.keepalived4j.model.VirtualServerGroupSnapshot;
import org.keepalived4j.model.VirtualServerSettings;
import org.keepalived4j.net.AddressText;

/**
 * How the LVS side of a configuration appears in the read model: the settings of virtual
 * servers, real servers and virtual server groups, built once per (re)load. Indexes are
 * positions in configuration order, from 1 (a real server's within its virtual server).
 */
public final class LvsReadModel {

    /** The IPVS scheduler flag bits keepalived sets (IP_VS_SVC_F_*). */
    private static final int ONEPACKET = 0x0004;
    private static final int SCHED1 = 0x0008;
    private static final int SCHED2 = 0x0010;
    private static final int SCHED3 = 0x0020;

    private LvsReadModel() {
    }

    public static VirtualServerSettings virtualServer(VirtualServerConfig vs, int index) {
        String type = vs.group() != null ? "group" : vs.fwmark() != 0 || vs.address() == null ? "fwmark" : "address";
        String sorry = vs.sorryServer() == null ? null
                : AddressText.withPort(vs.sorryServer().address(), vs.sorryServer().port());
        return new VirtualServerSettings(index, vs.key(), type, vs.group() == null ? null : vs.group().name(),
                vs.fwmark(), VrrpReadModel.text(vs.address()), vs.ipv6(), vs.port(), vs.protocol(), vs.scheduler(),
                flags(vs.scheduler(), vs.schedulerFlags()), forwarding(vs.forwarding()), vs.virtualhost(),
                java.time.Duration.ofSeconds(vs.persistenceTimeout()), granularity(vs), vs.persistenceEngine(),
                vs.haSuspend(), vs.omega(), vs.quorum(), vs.hysteresis(), VrrpReadModel.line(vs.quorumUp()),
                VrrpReadModel.line(vs.quorumDown()), sorry, vs.sorryServer() != null && vs.sorryServer().inhibit(),
                vs.smtpAlert(), defaults(vs.checkerDefaults()), vs.snmpName(), vs.weight(), vs.inhibitOnFailure(),
                vs.sorryServer() == null ? null : forwarding(vs.sorryServer().forwarding()));
    }

    public static RealServerSettings realServer(VirtualServerConfig vs, RealServerConfig rs, int index) {
        List<String> types = new ArrayList<>(rs.checkers().size());
        for (CheckerConfig c : rs.checkers()) {
            types.add(c.type());
        }
        return new RealServerSettings(index, vs.key(), rs.key(), AddressText.of(rs.address()),
                rs.address() instanceof java.net.Inet6Address, rs.port(), rs.weight(), forwarding(rs.forwarding()),
                rs.upperThreshold(), rs.lowerThreshold(), rs.inhibitOnFailure(), VrrpReadModel.line(rs.notifyUp()),
                VrrpReadModel.line(rs.notifyDown()), rs.smtpAlert(),
                rs.virtualhost() != null ? rs.virtualhost() : vs.virtualhost(), defaults(rs.checkerDefaults()), types,
                rs.snmpName());
    }

    public static VirtualServerGroupSnapshot group(VirtualServerGroupConfig g, int index) {
        List<VirtualServerGroupSnapshot.Member> members = new ArrayList<>(g.entries().size());
        for (VirtualServerGroupEntry e : g.entries()) {
            int i = members.size() + 1;
            if (e.isFwmark()) {
                members.add(new VirtualServerGroupSnapshot.Member(i, e.fwmark(), e.fwmarkFamily() == 6, null, null, 0));
            } else {
                boolean range = e.last() != null && !e.last().equals(e.first());
                members.add(new VirtualServerGroupSnapshot.Member(i, 0, e.first() instanceof java.net.Inet6Address,
                        AddressText.of(e.first()), range ? AddressText.of(e.last()) : null, e.port()));
            }
        }
        return new VirtualServerGroupSnapshot(index, g.name(), members);
    }

    private static Forwarding forwarding(ForwardingConfig f) {
        return new Forwarding(f.method(), f.tunnelType(), f.tunnelPort(), f.tunnelChecksum());
    }

    private static CheckerDefaults defaults(CheckerDefaultsConfig d) {
        return new CheckerDefaults(d.alpha(), d.retry(), d.delayBeforeRetryMicros() == null ? null
                : VrrpReadModel.micros(d.delayBeforeRetryMicros()), d.warmupMicros() == null ? null
                : VrrpReadModel.micros(d.warmupMicros()), VrrpReadModel.micros(d.delayLoopMicros()),
                VrrpReadModel.micros(d.connectTimeoutMicros()));
    }

    private static List<String> flags(String scheduler, int bits) {
        List<String> out = new ArrayList<>();
        if ((bits & ONEPACKET) != 0) {
            out.add("ops");
        }
        String prefix = "sh".equals(scheduler) ? "sh-" : "mh".equals(scheduler) ? "mh-" : null;
        if ((bits & SCHED1) != 0) {
            out.add(prefix != null ? prefix + "fallback" : "flag-1");
        }
        if ((bits & SCHED2) != 0) {
            out.add(prefix != null ? prefix + "port" : "flag-2");
        }
        if ((bits & SCHED3) != 0) {
            out.add("flag-3");
        }
        return out;
    }

    /** {@code persistence_granularity}: an IPv4 netmask in dotted form, or an IPv6 prefix length. */
    private static String granularity(VirtualServerConfig vs) {
        long g = vs.persistenceGranularity();
        if (g < 0) {
            return null;
        }
        if (vs.ipv6()) {
            return Long.toString(g);
        }
        return ((g >>> 24) & 0xff) + "." + ((g >>> 16) & 0xff) + "." + ((g >>> 8) & 0xff) + "." + (g & 0xff);
    }
}
