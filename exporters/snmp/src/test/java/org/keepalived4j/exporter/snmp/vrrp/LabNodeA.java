package org.keepalived4j.exporter.snmp.vrrp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.keepalived4j.model.AddressSettings;
import org.keepalived4j.model.DaemonSnapshot;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.HistogramSnapshot;
import org.keepalived4j.model.MailSettings;
import org.keepalived4j.model.NotifySettings;
import org.keepalived4j.model.ReloadStatus;
import org.keepalived4j.model.RouteSettings;
import org.keepalived4j.model.RuleSettings;
import org.keepalived4j.model.ScriptLine;
import org.keepalived4j.model.ScriptSnapshot;
import org.keepalived4j.model.ScriptStatus;
import org.keepalived4j.model.StateEvent;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.SyncGroupSettings;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.SyncGroupStateChanged;
import org.keepalived4j.model.TrackFileSnapshot;
import org.keepalived4j.model.TrackSettings;
import org.keepalived4j.model.TrackerSnapshot;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpCounters;
import org.keepalived4j.model.VrrpInstanceSettings;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpInstanceStatus;
import org.keepalived4j.model.VrrpRouterCounters;
import org.keepalived4j.model.VrrpScriptSettings;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.model.VrrpStateChanged;

/**
 * Node A of the capture lab (keepalived-a.conf) as the read model shows it: the snapshot the
 * daemon would publish for that configuration while MASTER or BACKUP, and the events of the
 * lab's run (start, MASTER, preempted by node B, SIGTERM).
 */
final class LabNodeA {

    static final Instant LOADED = Instant.parse("2024-05-01T12:00:00Z");
    private static final String OWN4 = "10.99.1.1";
    private static final String OWN6 = "fe80::ff:fe99:101";
    private static final String PEER4 = "10.99.1.2";
    private static final String PEER6 = "fe80::ff:fe99:102";

    private LabNodeA() {
    }

    /**
     * The group and its two instances in {@code state} (MASTER, or BACKUP once node B preempted
     * VI_6 and the group followed), the instance outside the group MASTER.
     */
    static StateSnapshot state(VrrpState state) {
        boolean master = state == VrrpState.MASTER;
        return snapshot(List.of(vi4(state, master ? TransitionReason.MASTER_NO_RESPONSE : TransitionReason.SYNC_GROUP),
                vi6(state, master ? TransitionReason.SYNC_GROUP : TransitionReason.PREEMPTED),
                vi7(VrrpState.MASTER, TransitionReason.MASTER_NO_RESPONSE)), state);
    }

    static StateSnapshot snapshot(List<VrrpInstanceSnapshot> instances, VrrpState groupState) {
        return new StateSnapshot(daemon(), instances, List.of(group(groupState)),
                List.of(new ScriptSnapshot(new VrrpScriptSettings(1, "chk_ok", new ScriptLine("/usr/bin/true", null,
                        null), Duration.ofSeconds(1), Duration.ofSeconds(1), -20, false, 2, 3, false), ScriptStatus.GOOD,
                        false, LOADED.plusSeconds(2), 0)),
                List.of(new TrackFileSnapshot(1, "tf_1", "/tmp/keepalived4j-snmp-lab-track-file", 5, false, 0)),
                List.of(), List.of(), List.of(), List.of());
    }

    /** The lab run's events, each with the state right after it, in the order keepalived notified them. */
    static List<Step> run() {
        Run run = new Run();
        run.group(VrrpState.INIT, VrrpState.BACKUP, TransitionReason.STARTUP);
        run.vi4(VrrpState.INIT, VrrpState.BACKUP, TransitionReason.STARTUP);
        run.vi6(VrrpState.INIT, VrrpState.BACKUP, TransitionReason.STARTUP);
        run.vi7(VrrpState.INIT, VrrpState.BACKUP, TransitionReason.STARTUP);
        run.vi4(VrrpState.BACKUP, VrrpState.MASTER, TransitionReason.MASTER_NO_RESPONSE);
        run.vi6(VrrpState.BACKUP, VrrpState.MASTER, TransitionReason.SYNC_GROUP);
        run.group(VrrpState.BACKUP, VrrpState.MASTER, TransitionReason.MASTER_NO_RESPONSE);
        run.vi7(VrrpState.BACKUP, VrrpState.MASTER, TransitionReason.MASTER_NO_RESPONSE);
        run.vi6(VrrpState.MASTER, VrrpState.BACKUP, TransitionReason.PREEMPTED);
        run.vi4(VrrpState.MASTER, VrrpState.BACKUP, TransitionReason.SYNC_GROUP);
        run.group(VrrpState.MASTER, VrrpState.BACKUP, TransitionReason.PREEMPTED);
        run.vi4(VrrpState.BACKUP, VrrpState.STOP, TransitionReason.SHUTDOWN);
        run.vi6(VrrpState.BACKUP, VrrpState.STOP, TransitionReason.SHUTDOWN);
        run.vi7(VrrpState.MASTER, VrrpState.STOP, TransitionReason.SHUTDOWN);
        run.group(VrrpState.BACKUP, VrrpState.STOP, TransitionReason.SHUTDOWN);
        return run.steps;
    }

    /** The lab's objects as the run changes them, and the steps so far. */
    private static final class Run {
        final List<Step> steps = new ArrayList<>();
        VrrpInstanceSnapshot vi4 = LabNodeA.vi4(VrrpState.INIT, null);
        VrrpInstanceSnapshot vi6 = LabNodeA.vi6(VrrpState.INIT, null);
        VrrpInstanceSnapshot vi7 = LabNodeA.vi7(VrrpState.INIT, null);
        VrrpState group = VrrpState.INIT;

        void vi4(VrrpState from, VrrpState to, TransitionReason reason) {
            vi4 = LabNodeA.vi4(to, reason);
            step(new VrrpStateChanged(vi4, from, to, reason, LOADED));
        }

        void vi6(VrrpState from, VrrpState to, TransitionReason reason) {
            vi6 = LabNodeA.vi6(to, reason);
            step(new VrrpStateChanged(vi6, from, to, reason, LOADED));
        }

        void vi7(VrrpState from, VrrpState to, TransitionReason reason) {
            vi7 = LabNodeA.vi7(to, reason);
            step(new VrrpStateChanged(vi7, from, to, reason, LOADED));
        }

        void group(VrrpState from, VrrpState to, TransitionReason reason) {
            group = to;
            step(new SyncGroupStateChanged(LabNodeA.group(to), from, to, reason, LOADED));
        }

        private void step(StateEvent event) {
            steps.add(new Step(event, snapshot(List.of(vi4, vi6, vi7), group)));
        }
    }

    /** One event and the state published with it. */
    record Step(StateEvent event, StateSnapshot state) {
    }

    static DaemonSnapshot daemon() {
        GlobalSettings globals = new GlobalSettings("lab_a", new MailSettings(null, 25, null, Duration.ofSeconds(30),
                null, List.of(), null, null, null, true), true, true, false, true, true, "unix:/tmp/agentx.sock", false,
                false, "no", null, false, "root", true);
        return new DaemonSnapshot("0.1.0-test", "lab_a", 4242, LOADED, "/etc/keepalived/keepalived.conf", LOADED, 0,
                false, new ReloadStatus(true, 0, null, null), globals, VrrpRouterCounters.ZERO);
    }

    static SyncGroupSnapshot group(VrrpState state) {
        NotifySettings notify = new NotifySettings(new ScriptLine("/usr/bin/echo group master", null, null), null,
                null, null, null, false, null, null);
        return new SyncGroupSnapshot(new SyncGroupSettings(1, "SG_1", List.of("VI_4", "VI_6"), notify, false, true,
                List.of(new TrackSettings("interface", "peth1", 0, false))), state, LOADED, 1);
    }

    static VrrpInstanceSnapshot vi4(VrrpState state, TransitionReason reason) {
        List<AddressSettings> addresses = List.of(
                new AddressSettings(1, "10.99.1.100", 24, false, null, "eth0", null, null, null, true),
                new AddressSettings(2, "10.99.1.101", 32, false, null, "eth0", "eth0:vip", null, null, true),
                new AddressSettings(3, "10.99.3.1", 24, false, "10.99.3.255", "eth1", null, "link", null, true),
                new AddressSettings(4, "fd00:99::100", 64, true, null, "eth0", null, null, null, false),
                new AddressSettings(5, "10.99.5.1", 32, false, null, "eth1", null, null, "10.99.5.2", false));
        List<RouteSettings> routes = List.of(
                route(1, "10.99.6.0/24", "eth0", "10.99.6.0/24 via 10.99.1.254 dev eth0 metric 7"),
                route(2, "10.99.7.0/24", null, "blackhole 10.99.7.0/24"),
                route(3, "10.99.8.0/24", null, "10.99.8.0/24 src 10.99.1.100 table 100 nexthop via 10.99.1.253 dev eth0"
                        + " weight 2 nexthop via 10.99.1.252 dev eth0"));
        List<RuleSettings> rules = List.of(
                new RuleSettings(1, 100, List.of("from", "10.99.1.100", "table", "100", "priority", "100"), false),
                new RuleSettings(2, null, List.of("to", "10.99.9.0/24", "table", "101"), false));
        NotifySettings notify = new NotifySettings(null, null, null, null, null, false,
                new ScriptLine("/usr/bin/echo instance", null, null), null);
        List<TrackSettings> tracked = List.of(new TrackSettings("interface", "eth1", -10, false),
                new TrackSettings("script", "chk_ok", -30, false), new TrackSettings("file", "tf_1", 3, false));
        VrrpInstanceSettings settings = new VrrpInstanceSettings(1, "VI_4", 51, "eth0", 2, false, VrrpState.BACKUP, 150,
                Duration.ofSeconds(1), true, Duration.ZERO, "PASS", Duration.ofSeconds(5), "SG_1", true, false, false,
                false, false, notify, "224.0.0.18", null, List.of(), addresses, routes, rules, tracked, false);
        return instance(settings, state, reason, OWN4, PEER4);
    }

    static VrrpInstanceSnapshot vi6(VrrpState state, TransitionReason reason) {
        List<AddressSettings> addresses = List.of(
                new AddressSettings(1, "fe80::99:1", 64, true, null, "eth0", null, null, null, true),
                new AddressSettings(2, "fd00:99::1", 64, true, null, "eth0", null, null, null, true));
        VrrpInstanceSettings settings = new VrrpInstanceSettings(2, "VI_6", 52, "eth0", 3, true, VrrpState.BACKUP, 150,
                Duration.ofMillis(500), true, Duration.ZERO, "NONE", Duration.ofSeconds(5), "SG_1", true, false, false,
                false, false, NotifySettings.NONE, "ff02::12", null, List.of(), addresses, List.of(), List.of(),
                List.of(new TrackSettings("interface", "eth1", 0, false)), false);
        return instance(settings, state, reason, OWN6, PEER6);
    }

    static VrrpInstanceSnapshot vi7(VrrpState state, TransitionReason reason) {
        NotifySettings notifyDeleted = new NotifySettings(null, null, null, null, null, true, null, null);
        VrrpInstanceSettings settings = new VrrpInstanceSettings(3, "VI_7", 50, "eth0", 2, false, VrrpState.BACKUP, 100,
                Duration.ofSeconds(2), false, Duration.ZERO, "NONE", Duration.ofSeconds(2), null, true, false, true,
                false, false, notifyDeleted, "224.0.0.18", null, List.of(),
                List.of(new AddressSettings(1, "10.99.1.150", 24, false, null, "eth0", null, null, null, true)),
                List.of(), List.of(), List.of(), false);
        return instance(settings, state, reason, OWN4, PEER4);
    }

    private static VrrpInstanceSnapshot instance(VrrpInstanceSettings settings, VrrpState state,
            TransitionReason reason, String own, String peer) {
        boolean master = state == VrrpState.MASTER;
        boolean heardPeer = !master && reason != null && reason != TransitionReason.STARTUP;
        String masterAddress = master ? own : heardPeer ? peer : null;
        TransitionReason masterReason = reason == null || reason == TransitionReason.STARTUP ? null
                : settings.syncGroup() == null || settings.name().equals("VI_4") ? TransitionReason.MASTER_NO_RESPONSE
                : TransitionReason.SYNC_GROUP;
        List<TrackerSnapshot> trackers = settings.tracked().stream()
                .map(t -> new TrackerSnapshot(t.kind(), t.name(), true, t.weight(), 0)).toList();
        VrrpInstanceStatus status = new VrrpInstanceStatus(state, state == VrrpState.STOP ? VrrpState.BACKUP : state,
                settings.priority(), settings.priority(), settings.advertInterval(), masterAddress,
                master ? settings.priority() : heardPeer ? 200 : 0,
                own, LOADED, reason, 1, List.of(), trackers,
                Collections.nCopies(settings.addresses().size(), master), masterReason, null);
        return new VrrpInstanceSnapshot(settings, status, new VrrpCounters(4, 10, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0), HistogramSnapshot.EMPTY);
    }

    private static RouteSettings route(int index, String destination, String device, String line) {
        return new RouteSettings(index, destination, device, List.of(line.split(" ")), false);
    }
}
