package org.keepalived4j.exporter.snmp;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.keepalived4j.exporter.snmp.agent.SnmpAgentSettings;
import org.keepalived4j.exporter.snmp.agent.StandaloneSnmp;
import org.keepalived4j.exporter.snmp.agentx.AgentxAddress;
import org.keepalived4j.exporter.snmp.agentx.AgentxConfig;
import org.keepalived4j.exporter.snmp.agentx.AgentxSubagent;
import org.keepalived4j.exporter.snmp.check.CheckNotificationSource;
import org.keepalived4j.exporter.snmp.check.CheckSection;
import org.keepalived4j.exporter.snmp.global.GlobalSection;
import org.keepalived4j.exporter.snmp.rfc.VrrpMibNotifications;
import org.keepalived4j.exporter.snmp.rfc.VrrpMibSection;
import org.keepalived4j.exporter.snmp.rfc.Vrrpv3MibNotifications;
import org.keepalived4j.exporter.snmp.rfc.Vrrpv3MibSection;
import org.keepalived4j.exporter.snmp.vrrp.InterfaceDirectory;
import org.keepalived4j.exporter.snmp.vrrp.KeepalivedVrrpNotifications;
import org.keepalived4j.exporter.snmp.vrrp.KeepalivedVrrpSection;
import org.keepalived4j.exporter.snmp.vrrp.SystemInterfaceDirectory;
import org.keepalived4j.model.ConfigReloaded;
import org.keepalived4j.model.EventsMissed;
import org.keepalived4j.model.Exporter;
import org.keepalived4j.model.ExporterContext;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.Settings;
import org.keepalived4j.model.StateEvent;
import org.keepalived4j.model.StateListener;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.StateView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * keepalived's SNMP, two ways. Without a {@code keepalived4j_snmp} block, as keepalived: an
 * AgentX subagent of snmpd at {@code snmp_socket} (or {@code -A}) that registers the subtrees
 * keepalived registers for the {@code enable_snmp_*} keywords (or {@code -x}) and sends its
 * traps through snmpd. With a block that names an {@code agentaddress} or a sink, keepalived4j
 * is the agent and the trap sender itself, and does not connect to snmpd.
 *
 * <p>Both serve one {@link MibView} over the live state and send the notifications the
 * {@link NotificationSource}s derive from the event log, in keepalived's order (KEEPALIVED-MIB,
 * VRRP-MIB, VRRPv3-MIB), on the exporter's own event thread: sending only queues, so nothing
 * here waits for the network, and nothing ever waits for it on the VRRP thread.
 */
public final class SnmpExporter implements Exporter {

    private static final Logger LOG = LoggerFactory.getLogger(SnmpExporter.class);
    /** A walk (hundreds of GetNexts, each its own request to us) reads one build of the objects. */
    private static final Duration VIEW_MAX_AGE = Duration.ofSeconds(1);

    /** Where notifications go while SNMP is off. */
    private static final NotificationSink NOWHERE = new NotificationSink() {
        @Override
        public void send(Notification notification) {
        }

        @Override
        public void close() {
        }
    };

    /** One MIB subtree: what serves it, the name keepalived registers it under, and when it does. */
    private record Mib(MibSection section, String module, Predicate<StateSnapshot> registered) {
    }

    private final InterfaceDirectory interfaces;
    private ExporterContext context;
    private List<Mib> mibs;
    private List<NotificationSource> sources;
    private Transport transport;
    private AutoCloseable subscription;

    public SnmpExporter() {
        this(new SystemInterfaceDirectory());
    }

    /** @param interfaces where interface indexes and MAC addresses are looked up */
    public SnmpExporter(InterfaceDirectory interfaces) {
        this.interfaces = interfaces;
    }

    @Override
    public String name() {
        return "snmp";
    }

    @Override
    public List<String> validate(Settings settings) {
        List<String> problems = new ArrayList<>();
        SnmpAgentSettings.parse(settings, problems);
        return problems;
    }

    @Override
    public List<String> shown(org.keepalived4j.model.Setting setting) {
        return SnmpAgentSettings.shown(setting);
    }

    @Override
    public synchronized void start(ExporterContext ctx) throws Exception {
        List<String> problems = new ArrayList<>();
        SnmpAgentSettings own = SnmpAgentSettings.parse(ctx.settings(), problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        context = ctx;
        Clock clock = ctx.clock();
        mibs = List.of(
                new Mib(new GlobalSection(), "Keepalived", GlobalSection::served),
                new Mib(new KeepalivedVrrpSection(interfaces), "KEEPALIVED-VRRP",
                        s -> s.daemon().settings().snmpVrrp() && !s.vrrpInstances().isEmpty()),
                new Mib(new CheckSection(), "Healthchecker", CheckSection::served),
                new Mib(new VrrpMibSection(interfaces), "VRRP",
                        s -> s.daemon().settings().snmpRfcV2() && !s.vrrpInstances().isEmpty()),
                new Mib(new Vrrpv3MibSection(interfaces, clock), "VRRPV3",
                        s -> s.daemon().settings().snmpRfcV3() && !s.vrrpInstances().isEmpty()));
        sources = List.of(new KeepalivedVrrpNotifications(), new VrrpMibNotifications(interfaces),
                new Vrrpv3MibNotifications(interfaces), new CheckNotificationSource());
        transport = open(own, ctx.settings(), ctx.state().current());
        subscription = ctx.state().subscribeFromStart(new Listener());
    }

    /**
     * What SNMP a configuration asks for: keepalived4j's own agent and sinks (the block's lines),
     * an AgentX subagent (snmpd's address and the modules registered), or nothing. A reload
     * restarts SNMP only when this changes.
     */
    private record Plan(String kind, Object key) {
    }

    private Plan plan(SnmpAgentSettings own, Settings block, StateSnapshot state) {
        if (own.agentEnabled() || own.hasSinks()) {
            List<String> lines = new ArrayList<>();
            block.entries().forEach(e -> lines.add(e.keyword() + " " + e.args()));
            return new Plan("standalone", lines);
        }
        GlobalSettings g = state.daemon().settings();
        List<Mib> served = registered(state);
        if (served.isEmpty() || !(g.snmpVrrp() || g.snmpChecker() || g.snmpRfcV2() || g.snmpRfcV3())) {
            return new Plan("off", null);
        }
        return new Plan("agentx", List.of(master(g), modules(served)));
    }

    /** Where the notifications go and what serves the tables, for one {@link Plan}. */
    private record Transport(Plan plan, NotificationSink sink, AutoCloseable resource) {
        void close() {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing SNMP: {}", e.toString());
            }
        }
    }

    private Transport open(SnmpAgentSettings own, Settings block, StateSnapshot state) throws java.io.IOException {
        Plan plan = plan(own, block, state);
        List<Mib> served = registered(state);
        switch (plan.kind()) {
            case "standalone" -> {
                if (served.isEmpty()) {
                    LOG.warn("keepalived4j_snmp: no enable_snmp_vrrp, enable_snmp_checker or enable_snmp_rfc* in "
                            + "global_defs (nor -x): the agent serves none of keepalived's objects and no traps go");
                }
                MibView view = new SnapshotMibView(context.state(), sections(mibs), context.clock(), VIEW_MAX_AGE);
                StandaloneSnmp snmp = StandaloneSnmp.start(own, view, context.clock());
                return new Transport(plan, snmp.notifications(), snmp);
            }
            case "agentx" -> {
                AgentxAddress master = master(state.daemon().settings());
                MibView view = new SnapshotMibView(context.state(), sections(served), context.clock(), VIEW_MAX_AGE);
                List<AgentxConfig.Capability> capabilities = new ArrayList<>();
                for (Mib m : served) {
                    capabilities.add(new AgentxConfig.Capability(m.section().root(), "The MIB module for " + m.module()));
                }
                AgentxSubagent subagent = new AgentxSubagent(master, view, "keepalived4j", context.clock(),
                        AgentxConfig.defaults().withCapabilities(capabilities));
                subagent.start();
                LOG.info("SNMP: AgentX subagent of {} for {}", master, modules(served));
                return new Transport(plan, subagent, subagent);
            }
            default -> {
                LOG.debug("SNMP is not enabled");
                // keepalived has no session to send traps on: they go nowhere
                return new Transport(plan, NOWHERE, () -> { });
            }
        }
    }

    /**
     * snmpd's AgentX address: {@code snmp_socket} (or {@code -A}); without it net-snmp's default,
     * except in a {@code net_namespace}, where keepalived uses {@code udp:localhost:705}.
     */
    private static AgentxAddress master(GlobalSettings g) {
        if (g.snmpSocket() != null) {
            return AgentxAddress.parse(g.snmpSocket());
        }
        return AgentxAddress.parse(g.netNamespace() != null ? "udp:localhost:705" : AgentxAddress.DEFAULT);
    }

    private List<Mib> registered(StateSnapshot state) {
        List<Mib> out = new ArrayList<>();
        for (Mib m : mibs) {
            if (m.registered().test(state)) {
                out.add(m);
            }
        }
        return out;
    }

    private static List<MibSection> sections(List<Mib> mibs) {
        return mibs.stream().map(Mib::section).toList();
    }

    private static List<String> modules(List<Mib> mibs) {
        return mibs.stream().map(Mib::module).toList();
    }

    /** The event thread: each event's notifications, and the transport a reload asks for. */
    private final class Listener implements StateListener {
        @Override
        public void onEvent(long sequence, StateEvent event) {
            if (event instanceof EventsMissed missed) {
                LOG.warn("SNMP: {} event(s) came too fast to be read; their notifications were not sent",
                        missed.count());
                return;
            }
            if (event instanceof ConfigReloaded) {
                reloaded();
            }
            NotificationSink sink;
            synchronized (SnmpExporter.this) {
                if (transport == null) {
                    return;
                }
                sink = transport.sink();
            }
            StateSnapshot now = daemonOnly(context.state());
            for (NotificationSource source : sources) {
                for (Notification n : source.notifications(event, now)) {
                    sink.send(n);
                }
            }
        }
    }

    /** What the sources read of the state: the daemon (its settings, its router_id). */
    private static StateSnapshot daemonOnly(StateView state) {
        return new StateSnapshot(state.daemon(), List.of(), List.of(), List.of(), List.of());
    }

    private synchronized void reloaded() {
        if (transport == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        SnmpAgentSettings own = SnmpAgentSettings.parse(context.settings(), problems);
        if (!problems.isEmpty()) {
            LOG.error("keepalived4j_snmp after reload: {}; SNMP goes on as before", String.join("; ", problems));
            return;
        }
        StateSnapshot state = context.state().current();
        if (transport.plan().equals(plan(own, context.settings(), state))) {
            return;
        }
        LOG.info("SNMP settings changed by the reload: restarting SNMP");
        transport.close();
        transport = null;
        try {
            transport = open(own, context.settings(), state);
        } catch (Exception e) {
            LOG.error("SNMP could not restart after the reload: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("closing the event subscription", e);
            }
            subscription = null;
        }
        if (transport != null) {
            transport.close();
            transport = null;
        }
    }
}
