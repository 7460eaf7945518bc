package org.keepalived4j.model;

import java.time.Instant;

/**
 * A vrrp_script's verdict changed.
 *
 * @param snapshot the script right after the change, with the settings in effect
 * @param from the verdict it left
 * @param to the verdict now
 * @param timestamp when
 */
public record ScriptStateChanged(ScriptSnapshot snapshot, ScriptStatus from, ScriptStatus to, Instant timestamp)
        implements StateEvent {

    /** The script's name. */
    public String script() {
        return snapshot.name();
    }

    @Override
    public void dispatchTo(StateListener listener) {
        listener.scriptStateChanged(this);
    }
}
