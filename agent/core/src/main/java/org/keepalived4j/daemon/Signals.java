package org.keepalived4j.daemon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * keepalived's signals: TERM and INT stop the daemon gracefully, HUP reloads. Handlers only
 * hand the work to another thread.
 */
final class Signals {

    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    static void install(Runnable stop, Runnable reload) {
        Signal.handle(new Signal("TERM"), s -> stop.run());
        Signal.handle(new Signal("INT"), s -> stop.run());
        Signal.handle(new Signal("HUP"), s -> {
            Thread t = new Thread(() -> {
                try {
                    reload.run();
                } catch (RuntimeException e) {
                    LOG.error("reload failed", e);
                }
            }, "reload");
            t.start();
        });
    }
}
