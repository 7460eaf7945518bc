package org.keepalived4j.exporter.alerts;

import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.model.NotifySettings;
import org.keepalived4j.model.ScriptLine;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpState;

/**
 * Which notify scripts keepalived runs for a change, with which arguments, from the settings the
 * event carries (an instance a reload removed runs its own scripts). On an instance or sync group
 * transition the state's own script ({@code notify_master}, {@code notify_backup},
 * {@code notify_fault}, {@code notify_stop}) comes first, then {@code notify} with four more
 * arguments: INSTANCE or GROUP, the name, the new state and the priority. An instance a reload
 * deletes is notified as FAULT, or as DELETED (with {@code notify_deleted}'s script) when
 * {@code notify_deleted} is set, as keepalived does. {@code notify_master_rx_lower_pri},
 * {@code notify_up} / {@code notify_down} and {@code quorum_up} / {@code quorum_down} run as
 * written, with no argument.
 */
final class NotifyCommands {

    private NotifyCommands() {
    }

    /** An instance's ({@code type} INSTANCE) or sync group's (GROUP) scripts for entering {@code state}. */
    static List<Alert.Script> transition(NotifySettings scripts, String type, String name, VrrpState state,
            TransitionReason reason, int priority) {
        List<Alert.Script> runs = new ArrayList<>(2);
        if (state == VrrpState.INIT) {
            return runs;
        }
        String word = state.name();
        ScriptLine specific = scripts.forState(state);
        if (reason == TransitionReason.REMOVED) {
            word = scripts.deletedState() ? "DELETED" : "FAULT";
            specific = scripts.deletedState() ? scripts.deleted() : scripts.fault();
        }
        if (specific != null) {
            runs.add(new Alert.Script(specific, List.of()));
        }
        if (scripts.any() != null) {
            runs.add(new Alert.Script(scripts.any(), List.of(type, name, word, Integer.toString(priority))));
        }
        return runs;
    }

    /** A script run as written ({@code notify_up}, {@code quorum_down}...), none when {@code null}. */
    static List<Alert.Script> plain(ScriptLine script) {
        return script == null ? List.of() : List.of(new Alert.Script(script, List.of()));
    }
}
