package org.keepalived4j.exporter.jmx;

import java.util.concurrent.Executor;
import org.keepalived4j.model.StateView;
import org.keepalived4j.model.VirtualServerQuorumChanged;
import org.keepalived4j.model.VirtualServerSnapshot;

/** {@link VirtualServerMXBean} over the live state. */
final class VirtualServerBean extends LiveBean implements VirtualServerMXBean {

    private final String key;

    VirtualServerBean(StateView state, String key, Executor notifier) {
        super(state, ObjectNames.virtualServer(key), notifier);
        this.key = key;
    }

    private VirtualServerSnapshot vs() {
        return state().virtualServer(key).orElseThrow(this::gone);
    }

    void quorumChanged(VirtualServerQuorumChanged e) {
        announce("QuorumMet", boolean.class, !e.met(), e.met(), "virtual server " + key
                + (e.met() ? " gained" : " lost") + " its quorum (live weight " + e.liveWeight() + ", quorum "
                + e.quorum() + ")", e.timestamp());
    }

    @Override
    public String getKey() {
        return key;
    }

    @Override
    public String getProtocol() {
        String protocol = vs().settings().protocol();
        return protocol == null ? "" : protocol;
    }

    @Override
    public String getScheduler() {
        return vs().settings().scheduler();
    }

    @Override
    public String getForwardingMethod() {
        return vs().settings().forwarding().method();
    }

    @Override
    public int getQuorum() {
        return (int) vs().settings().quorum();
    }

    @Override
    public int getHysteresis() {
        return (int) vs().settings().hysteresis();
    }

    @Override
    public boolean isQuorumMet() {
        return vs().quorumMet();
    }

    @Override
    public String getSorryServer() {
        return vs().settings().sorryServer();
    }

    @Override
    public boolean isSorryServerActive() {
        return vs().sorryServerActive();
    }

    @Override
    public boolean isIpvsProgrammed() {
        return vs().ipvsProgrammed();
    }

    @Override
    public int getRealServersUp() {
        return vs().realServersUp();
    }

    @Override
    public int getRealServersTotal() {
        return vs().realServers().size();
    }
}
