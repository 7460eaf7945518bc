package org.keepalived4j.model;

import java.time.Instant;
import java.util.List;

/**
 * A configuration reload (SIGHUP) finished: either the new configuration now runs, or it was
 * refused and the running one kept (see the daemon's {@code reload_with_errors} setting).
 *
 * @param applied whether the new configuration was applied
 * @param problems what made the daemon refuse it, each with its {@code file:line}; empty when applied
 * @param timestamp when the reload finished
 */
public record ConfigReloaded(boolean applied, List<String> problems, Instant timestamp) implements StateEvent {

    public ConfigReloaded {
        problems = List.copyOf(problems);
    }

    @Override
    public void dispatchTo(StateListener listener) {
        listener.configReloaded(this);
    }
}
