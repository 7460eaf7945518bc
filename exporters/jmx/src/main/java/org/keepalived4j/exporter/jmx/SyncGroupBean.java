package org.keepalived4j.exporter.jmx;

import java.util.concurrent.Executor;
import org.keepalived4j.model.StateView;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.SyncGroupStateChanged;

/** {@link SyncGroupMXBean} over the live state. */
final class SyncGroupBean extends LiveBean implements SyncGroupMXBean {

    private final String name;

    SyncGroupBean(StateView state, String name, Executor notifier) {
        super(state, ObjectNames.syncGroup(name), notifier);
        this.name = name;
    }

    private SyncGroupSnapshot group() {
        return state().syncGroup(name).orElseThrow(this::gone);
    }

    void stateChanged(SyncGroupStateChanged e) {
        announce("State", String.class, e.from().name(), e.to().name(),
                "sync group " + name + " " + e.from() + " -> " + e.to() + " (" + e.reason().label() + ")",
                e.timestamp());
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getState() {
        return group().state().name();
    }

    @Override
    public int getStateCode() {
        return group().state().code();
    }

    @Override
    public String[] getMembers() {
        return group().members().toArray(new String[0]);
    }

    @Override
    public String getLastTransition() {
        return iso(group().lastTransition());
    }

    @Override
    public long getTransitionCount() {
        return group().transitionCount();
    }
}
