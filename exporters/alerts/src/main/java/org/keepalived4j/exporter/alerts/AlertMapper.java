package org.keepalived4j.exporter.alerts;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.keepalived4j.model.ConfigReloaded;
import org.keepalived4j.model.DaemonSnapshot;
import org.keepalived4j.model.DaemonStopping;
import org.keepalived4j.model.MasterReceivedLowerPriority;
import org.keepalived4j.model.PriorityChanged;
import org.keepalived4j.model.ScriptStateChanged;
import org.keepalived4j.model.ScriptStatus;
import org.keepalived4j.model.TrackerChanged;
import org.keepalived4j.model.MailSettings;
import org.keepalived4j.model.RealServerStateChanged;
import org.keepalived4j.model.StateEvent;
import org.keepalived4j.model.StateListener;
import org.keepalived4j.model.SyncGroupStateChanged;
import org.keepalived4j.model.VirtualServerQuorumChanged;
import org.keepalived4j.model.VirtualServerSettings;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.model.VrrpStateChanged;

/**
 * Makes alerts from the daemon's events, with the subject and body keepalived's {@code smtp_alert}
 * mails carry and keepalived's decision whether to mail: an instance or sync group mails when its
 * {@code smtp_alert} (as resolved against {@code smtp_alert_vrrp} and {@code smtp_alert}) says
 * so, on entering MASTER, BACKUP (at start too) and FAULT (unless {@code no_email_faults}), never
 * twice for the same state in a row, and not on stopping (keepalived 2.2.7's shutdown sends no
 * mail; the STOP alert still goes to the other sinks); a real server or virtual server mails when its
 * {@code smtp_alert} (against {@code smtp_alert_checker}) says so, at shutdown only with
 * {@code omega}. Each alert carries the notify scripts keepalived runs for the change
 * ({@link NotifyCommands}). Called on one thread, in event order.
 */
final class AlertMapper implements StateListener {

    private final Supplier<DaemonSnapshot> daemon;
    /**
     * The daemon as the alerts read it (router_id, mail settings, start time and pid): these change
     * only with a reload, so it is read once and again after each reload, not per event (reading
     * it sums the router counters of every instance).
     */
    private DaemonSnapshot current;
    private final Consumer<Alert> out;
    private final Map<String, VrrpState> lastMailed = new HashMap<>();
    private long sequence;

    AlertMapper(Supplier<DaemonSnapshot> daemon, Consumer<Alert> out) {
        this.daemon = daemon;
        this.out = out;
    }

    @Override
    public void onEvent(long sequence, StateEvent event) {
        this.sequence = sequence;
        if (event instanceof ConfigReloaded) {
            current = null;
        }
        event.dispatchTo(this);
    }

    private DaemonSnapshot daemon() {
        if (current == null) {
            current = daemon.get();
        }
        return current;
    }

    private String id(DaemonSnapshot d) {
        return d.started().toEpochMilli() + "-" + d.pid() + "-" + sequence;
    }

    @Override
    public void vrrpStateChanged(VrrpStateChanged e) {
        var settings = e.snapshot().settings();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("iname", settings.name());
        labels.put("vrid", Integer.toString(settings.vrid()));
        labels.put("interface", settings.interfaceName());
        labels.put("reason", e.reason().label());
        labels.put("priority", Integer.toString(e.effectivePriority()));
        labels.put("base_priority", Integer.toString(e.snapshot().status().basePriority()));
        vrrp(Alert.Kind.VRRP_INSTANCE, "VRRP Instance", settings.name(), e.from(), e.to(), settings.smtpAlert(),
                instanceBody(e.to()), labels, e.timestamp(), NotifyCommands.transition(settings.notifyScripts(),
                        "INSTANCE", settings.name(), e.to(), e.reason(), e.effectivePriority()));
    }

    @Override
    public void syncGroupStateChanged(SyncGroupStateChanged e) {
        var settings = e.snapshot().settings();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("group", settings.name());
        labels.put("reason", e.reason().label());
        vrrp(Alert.Kind.SYNC_GROUP, "VRRP Group", settings.name(), e.from(), e.to(), settings.smtpAlert(),
                groupBody(e.to()), labels, e.timestamp(), NotifyCommands.transition(settings.notifyScripts(), "GROUP",
                        e.group(), e.to(), e.reason(), 0));
    }

    private void vrrp(Alert.Kind kind, String what, String name, VrrpState from, VrrpState to, boolean smtpAlert,
            String body, Map<String, String> labels, java.time.Instant at, List<Alert.Script> scripts) {
        if (to == VrrpState.INIT || body == null) {
            return;
        }
        DaemonSnapshot d = daemon();
        MailSettings mail = d.settings().mail();
        String key = kind + " " + name;
        // keepalived 2.2.7 mails no STOP: its shutdown does not wait for the mail
        boolean mailIt = smtpAlert && to != VrrpState.STOP && (to != VrrpState.FAULT || mail.emailFaults())
                && lastMailed.get(key) != to;
        if (mailIt) {
            lastMailed.put(key, to);
        }
        String subject = prefix(d) + what + " " + name + " - " + (to == VrrpState.STOP ? "Stopping"
                : "Entering " + to.name() + " state");
        out.accept(new Alert(id(d), at, d.routerId(), kind, name, from == null ? null : from.name(), to.name(),
                subject, body, mailIt, labels, scripts));
    }

    /**
     * A priority change of an instance with {@code notify_priority_changes}: keepalived writes
     * {@code INSTANCE "VI_1" MASTER_PRIORITY 90} (or {@code BACKUP_PRIORITY}) into its FIFOs then.
     */
    @Override
    public void priorityChanged(PriorityChanged e) {
        var settings = e.snapshot().settings();
        VrrpState state = e.snapshot().status().state();
        if (!settings.notifyPriorityChanges() || (state != VrrpState.MASTER && state != VrrpState.BACKUP)) {
            return;
        }
        Map<String, String> labels = instanceLabels(settings);
        labels.put("priority", Integer.toString(e.to()));
        labels.put("previous_priority", Integer.toString(e.from()));
        DaemonSnapshot d = daemon();
        out.accept(new Alert(id(d), e.timestamp(), d.routerId(), Alert.Kind.VRRP_INSTANCE, settings.name(),
                state.name(), state.name() + "_PRIORITY", prefix(d) + "VRRP Instance " + settings.name()
                        + " - priority " + e.to() + " (was " + e.from() + ")",
                "=> VRRP Instance priority changed from " + e.from() + " to " + e.to() + " <=", false, labels));
    }

    /** A master that heard a lower priority's advert: keepalived's {@code MASTER_RX_LOWER_PRI}. */
    @Override
    public void masterReceivedLowerPriority(MasterReceivedLowerPriority e) {
        var settings = e.snapshot().settings();
        Map<String, String> labels = instanceLabels(settings);
        labels.put("priority", Integer.toString(e.snapshot().status().effectivePriority()));
        labels.put("source", e.source());
        labels.put("received_priority", Integer.toString(e.priority()));
        DaemonSnapshot d = daemon();
        out.accept(new Alert(id(d), e.timestamp(), d.routerId(), Alert.Kind.VRRP_INSTANCE, settings.name(), "MASTER",
                "MASTER_RX_LOWER_PRI", prefix(d) + "VRRP Instance " + settings.name()
                        + " - master received a lower priority (" + e.priority() + " from " + e.source() + ")",
                "=> VRRP Instance still owning VRRP VIPs, another router sends adverts <=", false, labels,
                NotifyCommands.plain(settings.notifyScripts().masterRxLowerPri())));
    }

    private static Map<String, String> instanceLabels(org.keepalived4j.model.VrrpInstanceSettings settings) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("iname", settings.name());
        labels.put("vrid", Integer.toString(settings.vrid()));
        labels.put("interface", settings.interfaceName());
        return labels;
    }

    /** A tracked interface, file, process or BFD going up or down. */
    @Override
    public void trackerChanged(TrackerChanged e) {
        tracker(e.kind(), e.name(), e.up() ? "DOWN" : "UP", e.up() ? "UP" : "DOWN", e.timestamp());
    }

    /** A {@code vrrp_script} turning good or bad (not the first verdict after INIT: that is no change). */
    @Override
    public void scriptStateChanged(ScriptStateChanged e) {
        if (e.to() == ScriptStatus.INIT || e.from() == ScriptStatus.INIT) {
            return;
        }
        tracker("script", e.script(), e.from() == ScriptStatus.GOOD ? "UP" : "DOWN",
                e.to() == ScriptStatus.GOOD ? "UP" : "DOWN", e.timestamp());
    }

    private void tracker(String kind, String name, String from, String to, java.time.Instant at) {
        DaemonSnapshot d = daemon();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("tracker", kind);
        out.accept(new Alert(id(d), at, d.routerId(), Alert.Kind.TRACKER, name, from, to,
                prefix(d) + "Tracked " + kind + " " + name + " - " + to, "=> Tracked " + kind + " is " + to + " <=",
                false, labels));
    }

    /** A reload, taken or refused (the configuration in force stays then). */
    @Override
    public void configReloaded(ConfigReloaded e) {
        DaemonSnapshot d = daemon();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("problems", Integer.toString(e.problems().size()));
        String to = e.applied() ? "RELOADED" : "RELOAD_REFUSED";
        String body = e.applied() ? "=> Configuration reloaded <="
                : "=> Configuration reload refused: " + String.join("; ", e.problems().subList(0,
                        Math.min(3, e.problems().size()))) + " <=";
        out.accept(new Alert(id(d), e.timestamp(), d.routerId(), Alert.Kind.DAEMON, daemonName(d), "RUNNING", to,
                prefix(d) + "keepalived4j - " + (e.applied() ? "configuration reloaded" : "reload refused"), body,
                false, labels));
    }

    /** The daemon's stop (the instances' STOP alerts follow). */
    @Override
    public void daemonStopping(DaemonStopping e) {
        DaemonSnapshot d = daemon();
        out.accept(new Alert(id(d), e.timestamp(), d.routerId(), Alert.Kind.DAEMON, daemonName(d), "RUNNING",
                "STOPPING", prefix(d) + "keepalived4j - stopping", "=> keepalived4j is stopping <=", false,
                new LinkedHashMap<>()));
    }

    private static String daemonName(DaemonSnapshot d) {
        return d.routerId() == null ? "keepalived4j" : d.routerId();
    }

    private static String instanceBody(VrrpState to) {
        return switch (to) {
            case MASTER -> "=> VRRP Instance is now owning VRRP VIPs <=";
            case BACKUP, FAULT -> "=> VRRP Instance is no longer owning VRRP VIPs <=";
            case STOP -> "=> VRRP Instance stopping <=";
            default -> null;
        };
    }

    private static String groupBody(VrrpState to) {
        return switch (to) {
            case MASTER, BACKUP, FAULT -> "=> All VRRP group instances are now in " + to.name() + " state <=";
            case STOP -> "=> All VRRP group instances are now stopping <=";
            default -> null;
        };
    }

    @Override
    public void realServerStateChanged(RealServerStateChanged e) {
        VirtualServerSettings vs = e.service().settings();
        DaemonSnapshot d = daemon();
        String rs = server(vs, e.server().settings().address(), e.server().settings().port());
        String state = e.up() ? "UP" : "DOWN";
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("virtual_server", e.virtualServer());
        labels.put("real_server", e.realServer());
        if (e.checker() != null) {
            labels.put("checker", e.checker());
        }
        if (e.detail() != null) {
            labels.put("detail", e.detail());
        }
        labels.put("weight", Integer.toString(e.weight()));
        boolean mailIt = e.server().settings().smtpAlert() && (!e.stopping() || vs.omega());
        String subject = prefix(d) + "Realserver " + rs + " of virtual server " + display(vs) + " - " + state;
        String body = e.stopping() ? Alert.SHUTTING_DOWN : checkerBody(e.checker(), e.up(), e.detail());
        // keepalived runs notify_up / notify_down at shutdown only with omega, as it mails
        var rsSettings = e.server().settings();
        List<Alert.Script> scripts = e.stopping() && !vs.omega() ? List.of()
                : NotifyCommands.plain(e.up() ? rsSettings.notifyUp() : rsSettings.notifyDown());
        out.accept(new Alert(id(d), e.timestamp(), d.routerId(), Alert.Kind.REAL_SERVER, rs, e.up() ? "DOWN" : "UP",
                state, subject, body, mailIt, labels, scripts));
    }

    /** The body keepalived's checker of this type mails with. */
    static String checkerBody(String checker, boolean up, String detail) {
        String outcome = up ? "succeed" : "failed";
        if (checker == null) {
            return "=> CHECK " + outcome + " on service <=";
        }
        return switch (checker) {
            case "TCP_CHECK" -> "=> TCP CHECK " + outcome + " on service <=";
            case "UDP_CHECK" -> "=> UDP CHECK " + outcome + " on service <=";
            case "MISC_CHECK" -> "=> MISC CHECK " + outcome + " on service <=";
            case "PING_CHECK" -> "=> ICMP CHECK " + outcome + " on service <=";
            case "DNS_CHECK" -> "=> DNS_CHECK: " + outcome + " on service <=";
            case "BFD_CHECK" -> "=> BFD CHECK " + (up ? "succeeded" : "failed") + " on service <=";
            default -> up || detail == null ? "=> CHECK " + outcome + " on service <="
                    : "=> CHECK failed on service : " + detail + " <=";
        };
    }

    @Override
    public void virtualServerQuorumChanged(VirtualServerQuorumChanged e) {
        VirtualServerSettings vs = e.service().settings();
        DaemonSnapshot d = daemon();
        String name = display(vs);
        String state = e.met() ? "UP" : "DOWN";
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("virtual_server", e.virtualServer());
        labels.put("quorum", Long.toString(vs.quorum()));
        labels.put("hysteresis", Long.toString(vs.hysteresis()));
        labels.put("live_weight", Long.toString(e.liveWeight()));
        String body;
        if (e.stopping()) {
            body = Alert.SHUTTING_DOWN;
        } else {
            // keepalived's threshold: quorum plus hysteresis to gain it, minus to lose it
            long threshold = e.met() ? vs.quorum() + vs.hysteresis() : vs.quorum() - vs.hysteresis();
            body = "=> " + (e.met() ? "Gained quorum " : "Lost quorum ") + vs.quorum() + "+" + vs.hysteresis() + "="
                    + threshold + " <= " + e.liveWeight() + " <=";
        }
        boolean mailIt = vs.smtpAlert() && (!e.stopping() || vs.omega());
        List<Alert.Script> scripts = e.stopping() && !vs.omega() ? List.of()
                : NotifyCommands.plain(e.met() ? vs.quorumUp() : vs.quorumDown());
        out.accept(new Alert(id(d), e.timestamp(), d.routerId(), Alert.Kind.VIRTUAL_SERVER, name,
                e.met() ? "DOWN" : "UP", state, prefix(d) + "Virtualserver " + name + " - " + state, body, mailIt,
                labels, scripts));
    }

    private static String prefix(DaemonSnapshot d) {
        return d.routerId() == null ? "" : "[" + d.routerId() + "] ";
    }

    /** keepalived's name of a virtual server: {@code [IP]:proto:PORT}, {@code FWM N} or {@code [GROUP]:PORT}. */
    static String display(VirtualServerSettings vs) {
        return switch (vs.type()) {
            case "group" -> "[" + vs.groupName() + "]:" + vs.port();
            case "fwmark" -> "FWM " + vs.fwmark();
            default -> server(vs, vs.address(), vs.port());
        };
    }

    /** keepalived's name of a server of this virtual server: {@code [IP]:proto:PORT}. */
    static String server(VirtualServerSettings vs, String address, int port) {
        String protocol = vs.protocol() == null ? "none" : vs.protocol().toLowerCase(Locale.ROOT);
        return "[" + address + "]:" + protocol + ":" + port;
    }
}
