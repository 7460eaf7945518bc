package org.keepalived4j.daemon;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * keepalived's signals: TERM and INT stop the daemon gracefully, HUP reloads. Handlers only
 * hand the work to another thread.
 *
 * <p>The JVM leaves a signal alone when it was ignored as the process started (SIGHUP under
 * {@code nohup}, SIGINT in a script's background job): the handler is then silently not
 * installed. That is reported, so that a reload that cannot happen does not go unnoticed;
 * {@code bin/keepalived4j} resets the three signals before it starts the JVM.
 */
final class Signals {

    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    /** Installs the handlers; returns the names of the signals that stay ignored. */
    static List<String> install(Runnable stop, Runnable reload) {
        List<String> ignored = new ArrayList<>();
        handle("TERM", s -> stop.run(), ignored);
        handle("INT", s -> stop.run(), ignored);
        handle("HUP", s -> {
            Thread t = new Thread(() -> {
                try {
                    reload.run();
                } catch (RuntimeException e) {
                    LOG.error("reload failed", e);
                }
            }, "reload");
            t.start();
        }, ignored);
        if (!ignored.isEmpty()) {
            List<String> lost = new ArrayList<>();
            if (ignored.contains("HUP")) {
                lost.add("no configuration reload by SIGHUP");
            }
            for (String stopSignal : List.of("TERM", "INT")) {
                if (ignored.contains(stopSignal)) {
                    lost.add("no graceful stop by SIG" + stopSignal);
                }
            }
            LOG.warn("SIG{} ignored by the process that started keepalived4j (nohup?), and a JVM cannot handle a"
                    + " signal ignored at its start: {}; start it with bin/keepalived4j or 'env --default-signal={}'",
                    String.join(", SIG", ignored), String.join(", ", lost), String.join(",", ignored));
        }
        return ignored;
    }

    private static void handle(String name, SignalHandler handler, List<String> ignored) {
        if (Signal.handle(new Signal(name), handler) == SignalHandler.SIG_IGN) {
            ignored.add(name);
        }
    }
}
