package org.keepalived4j.daemon;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.keepalived4j.config.KeepalivedConfig;
import org.keepalived4j.config.NotifyConfig;
import org.keepalived4j.config.NotifyScript;
import org.keepalived4j.config.RealServerConfig;
import org.keepalived4j.config.VirtualServerConfig;
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
 * written. Scripts run in order on one thread of their own, never on the VRRP loop or a
 * checker; their exit status is logged.
 */
final class NotifyScripts implements StateListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyScripts.class);

    private final Supplier<KeepalivedConfig> config;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "notify-scripts");
        t.setDaemon(true);
        return t;
    });

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
        String user = script.user() != null ? script.user() : config.get().global().scriptUser();
        String group = script.user() != null ? script.group() : config.get().global().scriptGroup();
        List<String> argv = new ArrayList<>(org.keepalived4j.vrrp.Scripts.argv(script.command(), user, group));
        argv.addAll(extra);
        runner.execute(() -> {
            try {
                Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                int code = p.waitFor();
                if (code != 0) {
                    LOG.warn("({}) notify script {} exited with status {}", name, argv.get(0), code);
                }
            } catch (IOException e) {
                LOG.warn("({}) notify script {} could not be run: {}", name, argv.get(0), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public void close() {
        runner.shutdown();
    }
}
