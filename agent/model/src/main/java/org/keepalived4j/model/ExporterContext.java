package org.keepalived4j.model;

import java.time.Clock;
import javax.management.MBeanServer;

/** What the daemon hands an {@link Exporter} when starting it. */
public interface ExporterContext {

    /** The live state and its events. */
    StateView state();

    /** The MBean server to register MBeans in (the platform one, unless a test passes another). */
    MBeanServer mbeanServer();

    /** The daemon's clock. */
    Clock clock();

    /**
     * This exporter's settings block ({@code keepalived4j_<name>}) in the configuration in force
     * (after a reload, the reloaded one), or an
     * {@linkplain Settings#empty(String) empty} one when the configuration has none.
     */
    Settings settings();

    /**
     * This daemon's name among others on the host: its pid file's name without {@code .pid}
     * ({@code keepalived} for /run/keepalived.pid). State an exporter keeps on disk goes in a
     * folder of this name, so two daemons on one host never share it.
     */
    default String daemonName() {
        return "keepalived";
    }

    /** Runs scripts the daemon's way (the notify scripts); by default nothing is started. */
    default ScriptLauncher scripts() {
        return ScriptLauncher.NONE;
    }
}
