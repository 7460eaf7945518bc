package org.keepalived4j.exporter.jmx;

import java.util.concurrent.Executor;
import org.keepalived4j.model.RealServerSnapshot;
import org.keepalived4j.model.RealServerStateChanged;
import org.keepalived4j.model.StateView;

/** {@link RealServerMXBean} over the live state. */
final class RealServerBean extends LiveBean implements RealServerMXBean {

    private final String virtualServer;
    private final String key;

    RealServerBean(StateView state, String virtualServer, String key, Executor notifier) {
        super(state, ObjectNames.realServer(virtualServer, key), notifier);
        this.virtualServer = virtualServer;
        this.key = key;
    }

    private RealServerSnapshot rs() {
        return state().virtualServer(virtualServer).flatMap(vs -> vs.realServers().stream()
                .filter(r -> r.key().equals(key)).findFirst()).orElseThrow(this::gone);
    }

    void stateChanged(RealServerStateChanged e) {
        announce("Alive", boolean.class, !e.up(), e.up(), "real server " + key + " of " + virtualServer
                + (e.up() ? " up" : " down") + " (" + e.checker() + ": " + e.detail() + ")", e.timestamp());
    }

    @Override
    public String getVirtualServer() {
        return virtualServer;
    }

    @Override
    public String getKey() {
        return key;
    }

    @Override
    public String getAddress() {
        return rs().settings().address();
    }

    @Override
    public int getPort() {
        return rs().settings().port();
    }

    @Override
    public boolean isAlive() {
        return rs().alive();
    }

    @Override
    public int getConfiguredWeight() {
        return rs().settings().weight();
    }

    @Override
    public int getWeight() {
        return rs().weight();
    }

    @Override
    public String getCheckerType() {
        return String.join(",", rs().settings().checkerTypes());
    }

    @Override
    public long getFailedChecks() {
        return rs().checkFailures();
    }

    @Override
    public String getLastCheckTime() {
        return iso(rs().lastCheck());
    }

    @Override
    public double getLastCheckLatencyMillis() {
        RealServerSnapshot rs = rs();
        return rs.lastCheckLatency() == null ? -1 : rs.lastCheckLatency().toNanos() / 1e6;
    }

    @Override
    public String getLastCheckResult() {
        return rs().lastCheckResult();
    }

    @Override
    public long getCheckCount() {
        RealServerSnapshot rs = rs();
        return rs.checkDuration() == null ? 0 : rs.checkDuration().count();
    }
}
