package org.keepalived4j.exporter.jmx;

import java.util.concurrent.Executor;
import org.keepalived4j.model.ConfigReloaded;
import org.keepalived4j.model.DaemonSnapshot;
import org.keepalived4j.model.StateView;
import org.keepalived4j.model.VirtualServerSnapshot;

/** {@link DaemonMXBean} over the live state. */
final class DaemonBean extends LiveBean implements DaemonMXBean {

    DaemonBean(StateView state, Executor notifier) {
        super(state, ObjectNames.daemon(), notifier);
    }

    private DaemonSnapshot daemon() {
        return state().daemon();
    }

    @Override
    public String getVersion() {
        return daemon().version();
    }

    @Override
    public String getRouterId() {
        return daemon().routerId();
    }

    @Override
    public long getPid() {
        return daemon().pid();
    }

    @Override
    public String getStarted() {
        return iso(daemon().started());
    }

    @Override
    public String getConfigFile() {
        return daemon().configFile();
    }

    @Override
    public String getConfigLoaded() {
        return iso(daemon().configLoaded());
    }

    @Override
    public long getReloads() {
        return daemon().reloads();
    }

    @Override
    public boolean isLastReloadSuccessful() {
        return daemon().reload().lastSuccessful();
    }

    @Override
    public long getFailedReloads() {
        return daemon().reload().failed();
    }

    @Override
    public String getLastReloadError() {
        return daemon().reload().lastError();
    }

    /** A reload finished: applied ({@code Reloads} moved) or refused ({@code FailedReloads} moved, with the reason). */
    void reloaded(ConfigReloaded e) {
        DaemonSnapshot d = daemon();
        if (e.applied()) {
            announce("Reloads", Long.class, d.reloads() - 1, d.reloads(), "configuration reloaded", e.timestamp());
        } else {
            announce("FailedReloads", Long.class, d.reload().failed() - 1, d.reload().failed(),
                    "configuration reload refused, running configuration kept: "
                            + (e.problems().isEmpty() ? "" : e.problems().get(0)), e.timestamp());
        }
    }

    @Override
    public boolean isIpvsAvailable() {
        return daemon().ipvsAvailable();
    }

    @Override
    public int getVrrpInstanceCount() {
        return current().vrrpInstances().size();
    }

    @Override
    public int getVirtualServerCount() {
        return current().virtualServers().size();
    }

    @Override
    public int getRealServerCount() {
        int n = 0;
        for (VirtualServerSnapshot vs : current().virtualServers()) {
            n += vs.realServers().size();
        }
        return n;
    }
}
