package org.keepalived4j.exporter.jmx;

import java.util.List;
import java.util.concurrent.Executor;
import org.keepalived4j.model.StateView;
import org.keepalived4j.model.TrackerSnapshot;
import org.keepalived4j.model.VipSnapshot;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpStateChanged;

/** {@link VrrpInstanceMXBean} over the live state. */
final class VrrpInstanceBean extends LiveBean implements VrrpInstanceMXBean {

    private final String name;

    VrrpInstanceBean(StateView state, String name, Executor notifier) {
        super(state, ObjectNames.vrrpInstance(name), notifier);
        this.name = name;
    }

    private VrrpInstanceSnapshot vi() {
        return state().vrrpInstance(name).orElseThrow(this::gone);
    }

    void stateChanged(VrrpStateChanged e) {
        announce("State", String.class, e.from().name(), e.to().name(), "VRRP instance " + name + " " + e.from()
                + " -> " + e.to() + " (" + e.reason().label() + ", priority " + e.effectivePriority() + ")",
                e.timestamp());
    }

    private static String[] addresses(List<VipSnapshot> vips) {
        String[] out = new String[vips.size()];
        for (int i = 0; i < out.length; i++) {
            VipSnapshot v = vips.get(i);
            out[i] = v.address() + (v.device() == null ? "" : " dev " + v.device())
                    + (v.label() == null ? "" : " label " + v.label())
                    + (v.scope() == null ? "" : " scope " + v.scope()) + (v.installed() ? " (installed)" : "");
        }
        return out;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getState() {
        return vi().state().name();
    }

    @Override
    public int getStateCode() {
        return vi().state().code();
    }

    @Override
    public String getWantedState() {
        return vi().status().wantedState().name();
    }

    @Override
    public String getInitialState() {
        return vi().settings().initialState().name();
    }

    @Override
    public int getBasePriority() {
        return vi().status().basePriority();
    }

    @Override
    public int getEffectivePriority() {
        return vi().status().effectivePriority();
    }

    @Override
    public int getVrid() {
        return vi().vrid();
    }

    @Override
    public String getInterfaceName() {
        return vi().interfaceName();
    }

    @Override
    public int getVrrpVersion() {
        return vi().settings().version();
    }

    @Override
    public boolean isIpv6() {
        return vi().settings().ipv6();
    }

    @Override
    public long getAdvertIntervalMillis() {
        return millis(vi().settings().advertInterval());
    }

    @Override
    public long getMasterAdvertIntervalMillis() {
        return millis(vi().status().masterAdvertInterval());
    }

    @Override
    public String getMasterAddress() {
        return vi().status().masterAddress();
    }

    @Override
    public int getMasterPriority() {
        return vi().status().masterPriority();
    }

    @Override
    public String getPrimaryAddress() {
        return vi().status().primaryAddress();
    }

    @Override
    public String[] getUnicastPeers() {
        return vi().settings().unicastPeers().toArray(new String[0]);
    }

    @Override
    public String[] getVirtualAddresses() {
        return addresses(vi().vips());
    }

    @Override
    public String[] getExcludedVirtualAddresses() {
        return addresses(vi().excludedVips());
    }

    @Override
    public boolean isPreempt() {
        return vi().settings().preempt();
    }

    @Override
    public long getPreemptDelayMillis() {
        return millis(vi().settings().preemptDelay());
    }

    @Override
    public String getAuthType() {
        return vi().settings().authType();
    }

    @Override
    public long getGarpMasterDelayMillis() {
        return millis(vi().settings().garpMasterDelay());
    }

    @Override
    public String getLastTransitionTime() {
        return iso(vi().status().lastTransition());
    }

    @Override
    public String getLastTransitionReason() {
        VrrpInstanceSnapshot vi = vi();
        return vi.status().lastTransitionReason() == null ? null : vi.status().lastTransitionReason().label();
    }

    @Override
    public long getTransitionCount() {
        return vi().status().transitionCount();
    }

    @Override
    public String getSyncGroup() {
        return vi().settings().syncGroup();
    }

    @Override
    public String[] getTrackers() {
        List<TrackerSnapshot> trackers = vi().status().trackers();
        String[] out = new String[trackers.size()];
        for (int i = 0; i < out.length; i++) {
            TrackerSnapshot t = trackers.get(i);
            out[i] = t.kind() + " " + t.name() + (t.up() ? " up" : " down") + " weight " + t.weight()
                    + " contributes " + t.priorityContribution();
        }
        return out;
    }

    @Override
    public long getAdvertisementsReceived() {
        return vi().counters().advertRcvd();
    }

    @Override
    public long getAdvertisementsSent() {
        return vi().counters().advertSent();
    }

    @Override
    public long getBecomeMaster() {
        return vi().counters().becomeMaster();
    }

    @Override
    public long getReleaseMaster() {
        return vi().counters().releaseMaster();
    }

    @Override
    public long getPacketLengthErrors() {
        return vi().counters().packetLenErr();
    }

    @Override
    public long getAdvertIntervalErrors() {
        return vi().counters().advertIntervalErr();
    }

    @Override
    public long getIpTtlErrors() {
        return vi().counters().ipTtlErr();
    }

    @Override
    public long getInvalidTypeReceived() {
        return vi().counters().invalidTypeRcvd();
    }

    @Override
    public long getAddressListErrors() {
        return vi().counters().addrListErr();
    }

    @Override
    public long getInvalidAuthType() {
        return vi().counters().invalidAuthtype();
    }

    @Override
    public long getAuthTypeMismatch() {
        return vi().counters().authtypeMismatch();
    }

    @Override
    public long getAuthFailures() {
        return vi().counters().authFailure();
    }

    @Override
    public long getPriorityZeroReceived() {
        return vi().counters().priZeroRcvd();
    }

    @Override
    public long getPriorityZeroSent() {
        return vi().counters().priZeroSent();
    }

    @Override
    public long getTakeoverCount() {
        VrrpInstanceSnapshot vi = vi();
        return vi.takeover() == null ? 0 : vi.takeover().count();
    }
}
