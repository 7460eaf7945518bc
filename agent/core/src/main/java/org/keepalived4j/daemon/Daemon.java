package org.keepalived4j.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.keepalived4j.config.ConfigResult;
import org.keepalived4j.config.Diagnostic;
import org.keepalived4j.config.KeepalivedConfig;
import org.keepalived4j.check.LvsService;
import org.keepalived4j.check.LvsSettings;
import org.keepalived4j.config.LocalSystemProbe;
import org.keepalived4j.config.Severity;
import org.keepalived4j.exec.ScriptUser;
import org.keepalived4j.model.ConfigReloaded;
import org.keepalived4j.model.DaemonStopping;
import org.keepalived4j.model.Exporter;
import org.keepalived4j.model.ReloadStatus;
import org.keepalived4j.model.VrrpRouterCounters;
import org.keepalived4j.state.GlobalReadModel;
import org.keepalived4j.ipvs.GenericNetlinkIpvsClient;
import org.keepalived4j.ipvs.IpvsClient;
import org.keepalived4j.ipvs.IpvsRelease;
import org.keepalived4j.model.DaemonSnapshot;
import org.keepalived4j.state.LiveState;
import org.keepalived4j.vrrp.VrrpEngine;
import org.keepalived4j.vrrp.VrrpHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running keepalived4j: the VRRP engine, the health checkers and the exporters around one
 * live state. SIGTERM/SIGINT stop it gracefully, SIGHUP reloads the configuration.
 */
final class Daemon {

    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final CommandLine cli;
    private final ConfigLoader loader = new ConfigLoader(new LocalSystemProbe());
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<KeepalivedConfig> config = new AtomicReference<>();
    private final AtomicLong reloads = new AtomicLong();
    /** The last configuration applied, with its diagnostics: what a reload is compared with. */
    private ConfigResult applied;
    private volatile ReloadStatus reloadStatus = ReloadStatus.NONE;
    private volatile Instant configLoaded;
    private final CountDownLatch stop = new CountDownLatch(1);
    /** How long the event subscribers get to read the last events at a stop. */
    private static final java.time.Duration EVENT_DRAIN = java.time.Duration.ofSeconds(5);
    private final Instant started = Instant.now();
    private LiveState state;
    private VrrpEngine vrrp;
    private VrrpHost host;
    private LvsService lvs;
    private IpvsClient ipvs;

    Daemon(CommandLine cli) {
        this.cli = cli;
    }

    /** Runs until stopped; returns the exit status. */
    int run() {
        ConfigResult result = loader.load(cli);
        report(result);
        if (result.fatal()) {
            LOG.error("configuration {} cannot be used - exiting", cli.configFile());
            return 1;
        }
        List<String> settingsProblems = new ArrayList<>();
        DaemonSettings.parse(result.config().extension(DaemonSettings.BLOCK), settingsProblems);
        settingsProblems.forEach(p -> LOG.error("{}", p));
        config.set(result.config());
        applied = result;
        configLoaded = clock.instant();
        try (PidFile pid = PidFile.create(cli.pidFile() != null ? cli.pidFile() : CommandLine.DEFAULT_PID_FILE)) {
            return runWith(pid);
        } catch (PidFile.AlreadyRunningException e) {
            // keepalived 2.2.7 logs this and exits 0, even when the pid names an unrelated process
            LOG.info("daemon is already running ({})", e.getMessage());
            return 0;
        } catch (IOException e) {
            LOG.error("cannot write the pid file: {}", e.getMessage());
            return 1;
        }
    }

    /** The pid file's name without .pid: what names this daemon's state folders (keepalived for the default). */
    String daemonName() {
        Path file = cli.pidFile() != null ? cli.pidFile() : CommandLine.DEFAULT_PID_FILE;
        String name = file.getFileName() == null ? "keepalived" : file.getFileName().toString();
        return name.endsWith(".pid") && name.length() > 4 ? name.substring(0, name.length() - 4) : name;
    }

    private int runWith(PidFile pid) {
        state = new LiveState(snapshot(), clock);
        Signals.install(stop::countDown, this::reload);
        // the launcher is closed after the exporters: the alert sinks' last notify scripts (STOP) run through it
        try (NotifyLauncher scripts = new NotifyLauncher(() -> new ScriptUser(config.get().global().scriptUser(),
                        config.get().global().scriptGroup()));
                ExporterHost exporters = new ExporterHost()) {
            if (!cli.checkOnly()) {
                startVrrp();
            }
            // the alert sinks first: the startup transitions' notify scripts wait for no other start-up
            exporters.start(state, clock, name -> config.get().extension(name), daemonName(), scripts,
                    Exporter::urgent);
            if (!cli.vrrpOnly()) {
                startLvs();
            }
            exporters.start(state, clock, name -> config.get().extension(name), daemonName(), scripts,
                    e -> !e.urgent());
            LOG.info("keepalived4j {} started ({} VRRP instance(s))", Version.current(),
                    config.get().vrrpInstances().size());
            stop.await();
            LOG.info("stopping");
            stopVrrp();
            stopLvs();
            endEvents();
            return 0;
        } catch (Exception e) {
            LOG.error("daemon failed", e);
            stopVrrp();
            stopLvs();
            endEvents();
            return 1;
        }
    }

    /**
     * The last event, then every subscriber (notify scripts, JMX...) reads what it has not yet
     * read, before the notify scripts and exporters are closed.
     */
    private void endEvents() {
        state.emit(new DaemonStopping(clock.instant()));
        state.closeSubscriptions(EVENT_DRAIN);
    }

    private void startVrrp() throws IOException, InterruptedException {
        host = VrrpHost.open();
        vrrp = new VrrpEngine(config.get(), host, state, clock);
        state.attach(vrrp);
        vrrp.start();
    }

    private void startLvs() {
        KeepalivedConfig c = config.get();
        ipvs = GenericNetlinkIpvsClient.open();
        lvs = new LvsService(c.virtualServers(), LvsSettings.from(c), ipvs, state, clock);
        lvs.groups(c.lvs().groups());
        state.attach(lvs);
        state.publishDaemon(snapshot());
        lvs.start();
    }

    private void stopLvs() {
        if (lvs != null) {
            // lvs_flush_onstop as the configuration in force says (a reload may have changed it)
            lvs.close(cli.dontReleaseIpvs() ? IpvsRelease.KEEP : LvsSettings.from(config.get()).ipvsRelease());
            lvs = null;
        }
        if (ipvs != null) {
            ipvs.close();
            ipvs = null;
        }
    }

    private void stopVrrp() {
        if (vrrp != null) {
            vrrp.close();
            vrrp = null;
        }
        if (host != null) {
            host.close();
            host = null;
        }
    }

    /**
     * SIGHUP: read the configuration again. One that cannot be used at all is never applied; one
     * that rejects parts the running one did not ({@link ReloadCheck}) is refused unless
     * {@code keepalived4j_daemon { reload_with_errors apply }} asks for keepalived's way.
     */
    private synchronized void reload() {
        LOG.info("reloading configuration {}", cli.configFile());
        ConfigResult result = loader.load(cli);
        report(result);
        List<Diagnostic> problems = ReloadCheck.newProblems(applied, result);
        if (result.fatal()) {
            refuse(result.diagnostics().stream().filter(d -> d.severity() == Severity.FATAL).toList(),
                    "it cannot be used");
            return;
        }
        if (!problems.isEmpty()) {
            if (!settings(result).applyReloadWithErrors()) {
                refuse(problems, problems.size() + " problem(s) the running configuration does not have"
                        + " (reload_with_errors apply in " + DaemonSettings.BLOCK + " applies such a file anyway)");
                return;
            }
            LOG.warn("applying the new configuration despite {} problem(s) (reload_with_errors apply)", problems.size());
        }
        config.set(result.config());
        applied = result;
        configLoaded = clock.instant();
        reloads.incrementAndGet();
        reloadStatus = reloadStatus.applied(clock.instant());
        state.publishDaemon(snapshot());
        if (vrrp != null) {
            vrrp.reload(result.config());
        }
        if (lvs != null) {
            lvs.groups(result.config().lvs().groups());
            lvs.reload(result.config().virtualServers());
        }
        state.emit(new ConfigReloaded(true, List.of(), clock.instant()));
    }

    private void refuse(List<Diagnostic> problems, String why) {
        LOG.error("new configuration {} refused, keeping the running one: {}", cli.configFile(), why);
        List<String> lines = problems.stream().map(Diagnostic::toString).toList();
        reloadStatus = reloadStatus.refused(clock.instant(), lines.isEmpty() ? why : lines.get(0));
        state.publishDaemon(snapshot());
        state.emit(new ConfigReloaded(false, lines, clock.instant()));
    }

    /** The daemon block of the new configuration, or of the running one when the new one's is broken. */
    private DaemonSettings settings(ConfigResult next) {
        List<String> problems = new ArrayList<>();
        DaemonSettings fromNext = DaemonSettings.parse(next.config().extension(DaemonSettings.BLOCK), problems);
        if (problems.isEmpty()) {
            return fromNext;
        }
        problems.forEach(p -> LOG.error("{}", p));
        return DaemonSettings.parse(config.get().extension(DaemonSettings.BLOCK), new ArrayList<>());
    }

    private DaemonSnapshot snapshot() {
        KeepalivedConfig c = config.get();
        String routerId = c.global().routerId() != null ? c.global().routerId() : hostName();
        return new DaemonSnapshot(Version.current(), routerId, ProcessHandle.current().pid(), started,
                cli.configFile().toString(), configLoaded, reloads.get(), lvs != null && lvs.ipvsAvailable(),
                reloadStatus, GlobalReadModel.of(c.global(), cli.snmp(), cli.snmpSocket()), VrrpRouterCounters.ZERO);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static void report(ConfigResult result) {
        for (Diagnostic d : result.diagnostics()) {
            switch (d.severity()) {
                case INFO -> LOG.info("{}", d);
                case WARNING -> LOG.warn("{}", d);
                default -> LOG.error("{}", d);
            }
        }
    }
}
