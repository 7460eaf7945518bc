package org.keepalived4j.check;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.keepalived4j.model.RealServerStateChanged;
import org.keepalived4j.model.StateEvent;
import org.keepalived4j.model.VirtualServerQuorumChanged;
import org.keepalived4j.state.EventSink;

/** Keeps every event emitted, in order. */
public final class RecordingSink implements EventSink {

    public final List<StateEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void emit(StateEvent event) {
        events.add(event);
    }

    public List<RealServerStateChanged> realServerEvents() {
        return events.stream().filter(RealServerStateChanged.class::isInstance).map(RealServerStateChanged.class::cast)
                .toList();
    }

    public List<VirtualServerQuorumChanged> quorumEvents() {
        return events.stream().filter(VirtualServerQuorumChanged.class::isInstance)
                .map(VirtualServerQuorumChanged.class::cast).toList();
    }
}
