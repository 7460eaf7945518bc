package org.keepalived4j.daemon;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.keepalived4j.config.KeepalivedConfig;
import org.keepalived4j.config.NotifyConfig;
import org.keepalived4j.config.NotifyScript;
import org.keepalived4j.config.RealServerConfig;
import org.keepalived4j.config.VirtualServerConfig;
import org.keepalived4j.exec.ScriptCommand;
import org.keepalived4j.exec.ScriptQueue;
import org.keepalived4j.exec.ScriptRunner;
import org.keepalived4j.exec.ScriptUser;
import org.keepalived4j.model.RealServerStateChanged;
import org.keepalived4j.model.StateListener;
import org.keepalived4j.model.SyncGroupStateChanged;
import org.keepalived4j.model.VirtualServerQuorumChanged;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.model.VrrpStateChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * keepalived's notify scripts: on each instance or sync group transition, the state's own
 * script ({@code notify_master}, {@code notify_backup}, {@code notify_fault},
 * {@code notify_stop}) runs first, then {@code notify} with four more arguments: INSTANCE or
 * GROUP, the name, the new state and the priority; a real server's {@code notify_up} /
 * {@code notify_down} and a virtual server's {@code quorum_up} / {@code quorum_down} run as
 * written. Scripts run in order through the {@link ScriptRunner}, never on the VRRP loop or a
 * checker, each started when the one before has ended; a failure is logged. Closing waits up
 * to five seconds for a script still running (notify_stop at shutdown), then ends it.
 */
final class NotifyScripts implements StateListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyScripts.class);

    private final Supplier<KeepalivedConfig> config;
    private final ScriptRunner runner = new ScriptRunner("notify", Duration.ofSeconds(5));
    private final ScriptQueue queue = new ScriptQueue(runner);

    NotifyScripts(Supplier<KeepalivedConfig> config) {
        this.config = config;
    }

    @Override
    public void vrrpStateChanged(VrrpStateChanged event) {
        config.get().vrrpInstance(event.instance()).ifPresent(c -> notify(c.notifyScripts(), "INSTANCE",
                c.name(), event.to(), event.effectivePriority()));
    }

    @Override
    public void syncGroupStateChanged(SyncGroupStateChanged event) {
        config.get().syncGroups().stream().filter(g -> g.name().equals(event.group())).findFirst()
                .ifPresent(g -> notify(g.notifyScripts(), "GROUP", g.name(), event.to(), 0));
    }

    /** keepalived's notify_up / notify_down of a real server. */
    @Override
    public void realServerStateChanged(RealServerStateChanged event) {
        for (VirtualServerConfig vs : config.get().virtualServers()) {
            if (!vs.key().equals(event.virtualServer())) {
                continue;
            }
            for (RealServerConfig rs : vs.realServers()) {
                if (rs.key().equals(event.realServer())) {
                    NotifyScript script = event.up() ? rs.notifyUp() : rs.notifyDown();
                    if (script != null) {
                        run(script, List.of(), event.virtualServer() + " " + event.realServer());
                    }
                }
            }
        }
    }

    /** keepalived's quorum_up / quorum_down of a virtual server. */
    @Override
    public void virtualServerQuorumChanged(VirtualServerQuorumChanged event) {
        for (VirtualServerConfig vs : config.get().virtualServers()) {
            if (vs.key().equals(event.virtualServer())) {
                NotifyScript script = event.met() ? vs.quorumUp() : vs.quorumDown();
                if (script != null) {
                    run(script, List.of(), event.virtualServer());
                }
            }
        }
    }

    private void notify(NotifyConfig scripts, String type, String name, VrrpState state, int priority) {
        NotifyScript specific = switch (state) {
            case MASTER -> scripts.master();
            case BACKUP -> scripts.backup();
            case FAULT -> scripts.fault();
            case STOP -> scripts.stop();
            default -> null;
        };
        if (specific != null) {
            run(specific, List.of(), name);
        }
        if (scripts.any() != null && state != VrrpState.INIT) {
            run(scripts.any(), List.of(type, name, state.name(), Integer.toString(priority)), name);
        }
    }

    private void run(NotifyScript script, List<String> extra, String name) {
        var global = config.get().global();
        ScriptCommand command = ScriptCommand.parse(script.command(), ScriptUser.of(script.user(), script.group(),
                new ScriptUser(global.scriptUser(), global.scriptGroup()))).withArguments(extra);
        queue.start(command).thenAccept(outcome -> {
            if (!outcome.succeeded()) {
                LOG.warn("({}) notify script {} {}", name, command.program(), outcome.describe());
            }
        });
    }

    @Override
    public void close() {
        runner.close();
    }
}
