package org.keepalived4j.daemon;

import java.time.Duration;
import java.util.List;
import org.keepalived4j.exec.ScriptCommand;
import org.keepalived4j.exec.ScriptRunner;
import org.keepalived4j.exec.ScriptUser;
import org.keepalived4j.model.MasterReceivedLowerPriority;
import org.keepalived4j.model.NotifySettings;
import org.keepalived4j.model.RealServerStateChanged;
import org.keepalived4j.model.ScriptLine;
import org.keepalived4j.model.StateListener;
import org.keepalived4j.model.SyncGroupStateChanged;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VirtualServerQuorumChanged;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.model.VrrpStateChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * keepalived's notify scripts, run from the event log with the settings each event carries (an
 * instance a reload removed still runs its own scripts). On an instance or sync group
 * transition the state's own script ({@code notify_master}, {@code notify_backup},
 * {@code notify_fault}, {@code notify_stop}) runs first, then {@code notify} with four more
 * arguments: INSTANCE or GROUP, the name, the new state and the priority. An instance a reload
 * deletes is notified as FAULT, or as DELETED (with {@code notify_deleted}'s script) when
 * {@code notify_deleted} is set, as keepalived does. {@code notify_master_rx_lower_pri},
 * {@code notify_up} / {@code notify_down} and {@code quorum_up} / {@code quorum_down} run as
 * written. Like keepalived, a script is started through the {@link ScriptRunner} and not waited
 * for (its outcome is logged when it is not a success); at shutdown, scripts still running are
 * waited for up to five seconds (notify_stop), then ended.
 */
final class NotifyScripts implements StateListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyScripts.class);
    private final ScriptUser defaultUser;
    private final ScriptRunner runner = new ScriptRunner("notify", Duration.ofSeconds(5));

    /** Scripts without their own user run as {@code script_user} / its group ({@code null}: as ourselves). */
    NotifyScripts(String scriptUser, String scriptGroup) {
        this.defaultUser = new ScriptUser(scriptUser, scriptGroup);
    }

    @Override
    public void vrrpStateChanged(VrrpStateChanged event) {
        var settings = event.snapshot().settings();
        notify(settings.notifyScripts(), "INSTANCE", settings.name(), event.to(), event.reason(),
                event.effectivePriority());
    }

    @Override
    public void syncGroupStateChanged(SyncGroupStateChanged event) {
        notify(event.snapshot().settings().notifyScripts(), "GROUP", event.group(), event.to(), event.reason(), 0);
    }

    @Override
    public void masterReceivedLowerPriority(MasterReceivedLowerPriority event) {
        ScriptLine script = event.snapshot().settings().notifyScripts().masterRxLowerPri();
        if (script != null) {
            run(script, List.of(), event.snapshot().name());
        }
    }

    /** keepalived's notify_up / notify_down of a real server. */
    @Override
    public void realServerStateChanged(RealServerStateChanged event) {
        if (event.stopping() && !event.service().settings().omega()) {
            return;
        }
        var settings = event.server().settings();
        ScriptLine script = event.up() ? settings.notifyUp() : settings.notifyDown();
        if (script != null) {
            run(script, List.of(), event.virtualServer() + " " + event.realServer());
        }
    }

    /** keepalived's quorum_up / quorum_down of a virtual server. */
    @Override
    public void virtualServerQuorumChanged(VirtualServerQuorumChanged event) {
        var settings = event.service().settings();
        if (event.stopping() && !settings.omega()) {
            return;
        }
        ScriptLine script = event.met() ? settings.quorumUp() : settings.quorumDown();
        if (script != null) {
            run(script, List.of(), event.virtualServer());
        }
    }

    private void notify(NotifySettings scripts, String type, String name, VrrpState state, TransitionReason reason,
            int priority) {
        if (state == VrrpState.INIT) {
            return;
        }
        String word = state.name();
        ScriptLine specific = scripts.forState(state);
        if (reason == TransitionReason.REMOVED) {
            word = scripts.deletedState() ? "DELETED" : "FAULT";
            specific = scripts.deletedState() ? scripts.deleted() : scripts.fault();
        }
        if (specific != null) {
            run(specific, List.of(), name);
        }
        if (scripts.any() != null) {
            run(scripts.any(), List.of(type, name, word, Integer.toString(priority)), name);
        }
    }

    private void run(ScriptLine script, List<String> extra, String name) {
        ScriptCommand command = ScriptCommand.parse(script.command(), ScriptUser.of(script.user(), script.group(),
                defaultUser)).withArguments(extra);
        runner.start(command).thenAccept(outcome -> {
            if (!outcome.succeeded()) {
                LOG.warn("({}) notify script {} {}", name, command.program(), outcome.describe());
            }
        });
    }

    /** Waits for the scripts still running (the STOP notifications of a shutdown) within a bound, then ends them. */
    @Override
    public void close() {
        runner.close();
    }
}
