package org.keepalived4j.model;

import java.time.Instant;

/**
 * A {@code vrrp_script}'s verdict changed.
 *
 * @param script the script block's name
 * @param from the previous verdict
 * @param to the new verdict
 * @param timestamp when it changed
 */
public record ScriptStateChanged(String script, ScriptStatus from, ScriptStatus to, Instant timestamp)
        implements StateEvent {

    @Override
    public void dispatchTo(StateListener listener) {
        listener.scriptStateChanged(this);
    }
}
