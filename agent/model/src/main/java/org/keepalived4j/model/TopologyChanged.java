package org.keepalived4j.model;

import java.time.Instant;

/**
 * The set of instances, groups, scripts or servers changed: the daemon started, or a reload
 * added or removed some. Listeners that mirror objects (MBeans, SNMP rows) re-read
 * {@link StateView#current()}.
 *
 * @param cause {@code startup} or {@code reload}
 * @param timestamp when it changed
 */
public record TopologyChanged(String cause, Instant timestamp) implements StateEvent {

    @Override
    public void dispatchTo(StateListener listener) {
        listener.topologyChanged(this);
    }
}
