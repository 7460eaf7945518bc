package org.keepalived4j.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.NotifySettings;
import org.keepalived4j.model.StateEvent;
import org.keepalived4j.model.SyncGroupSettings;
import org.keepalived4j.model.SyncGroupStateChanged;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.vrrp.packet.VrrpAddress;

/** Members of a sync group move together (keepalived vrrp_sync.c). */
class SyncGroupTest {

    private static final long S = 1_000_000_000L;
    private static final Clock WALL = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final FakeInstanceIo io = new FakeInstanceIo();
    private final List<StateEvent> events = new ArrayList<>();
    private final SyncGroup group = new SyncGroup(new SyncGroupSettings(1, "VG_1", List.of("VI_1", "VI_2"),
            NotifySettings.NONE, false, false, List.of()), events::add, WALL);
    private final TrackedObject link = new TrackedObject("interface", "eth1", true);

    private VrrpInstance member(String name, int vrid, String vip, int priority, Tracking tracking) {
        VrrpInstance vi = new VrrpInstance(InstanceConfigs.instance().name(name).vrid(vrid).vips(vip)
                .priority(priority).build(), io, io, WALL, VrrpAddress.parse("10.0.0.1"));
        vi.track(tracking);
        group.add(vi);
        return vi;
    }

    /** As the engine starts them: the group, then its members. */
    private void start(VrrpInstance... members) {
        group.start();
        for (VrrpInstance m : members) {
            m.start(0);
        }
    }

    private static void runUntil(long until, VrrpInstance... members) {
        boolean fired = true;
        while (fired) {
            fired = false;
            for (VrrpInstance m : members) {
                if (m.nextDeadline() <= until) {
                    m.onTimer(m.nextDeadline());
                    fired = true;
                }
            }
        }
    }

    @Test
    void membersBecomeMasterTogetherOnlyWhenAllWantTo() {
        VrrpInstance a = member("VI_1", 51, "192.168.200.16", 100, Tracking.none());
        VrrpInstance b = member("VI_2", 52, "192.168.201.16", 90, Tracking.none());
        start(a, b);
        // VI_1's timer (3.609 s) expires before VI_2's (3.648 s): it waits for VI_2.
        runUntil(3_620_000_000L, a, b);
        assertThat(a.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(a.wanted()).isEqualTo(VrrpState.MASTER);
        runUntil(4 * S, a, b);
        assertThat(a.state()).isEqualTo(VrrpState.MASTER);
        assertThat(b.state()).isEqualTo(VrrpState.MASTER);
        assertThat(group.snapshot().state()).isEqualTo(VrrpState.MASTER);
        assertThat(events).last().isInstanceOfSatisfying(SyncGroupStateChanged.class,
                e -> assertThat(e.to()).isEqualTo(VrrpState.MASTER));
    }

    @Test
    void theGroupsEventCarriesTheReasonOfTheMemberThatMovedFirst() {
        VrrpInstance a = member("VI_1", 51, "192.168.200.16", 100, Tracking.none());
        VrrpInstance b = member("VI_2", 52, "192.168.201.16", 90, Tracking.none());
        start(a, b);
        runUntil(4 * S, a, b);
        List<SyncGroupStateChanged> changes = events.stream().filter(SyncGroupStateChanged.class::isInstance)
                .map(SyncGroupStateChanged.class::cast).toList();
        assertThat(changes).extracting(SyncGroupStateChanged::to, SyncGroupStateChanged::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(VrrpState.BACKUP, TransitionReason.STARTUP),
                org.assertj.core.groups.Tuple.tuple(VrrpState.MASTER, TransitionReason.MASTER_NO_RESPONSE));
        assertThat(io.transitions).filteredOn(t -> t.instance().equals("VI_1") && t.to() == VrrpState.MASTER)
                .extracting(FakeInstanceIo.Transition::reason).containsExactly(TransitionReason.SYNC_GROUP);

        // a preempting advert to one member: the group follows it back with its reason
        Adverts higher = Adverts.from("10.0.0.2").priority(200).addresses("192.168.201.16");
        higher.vrid = 52;
        b.onAdvert(5 * S, higher.received());
        assertThat(a.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(events).last().isInstanceOfSatisfying(SyncGroupStateChanged.class,
                e -> assertThat(e.reason()).isEqualTo(TransitionReason.PREEMPTED));
    }

    @Test
    void aMemberHeldBackByAnotherMastersAdvertsStaysBackup() {
        VrrpInstance a = member("VI_1", 51, "192.168.200.16", 100, Tracking.none());
        VrrpInstance b = member("VI_2", 52, "192.168.201.16", 90, Tracking.none());
        start(a, b);
        for (long t = S; t <= 10 * S; t += S) {
            Adverts advert = Adverts.from("10.0.0.2").priority(200).addresses("192.168.201.16");
            advert.vrid = 52;
            b.onAdvert(t, advert.received());
            runUntil(t, a, b);
        }
        assertThat(a.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(b.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void oneMemberPreemptedTakesTheOthersToBackup() {
        VrrpInstance a = member("VI_1", 51, "192.168.200.16", 100, Tracking.none());
        VrrpInstance b = member("VI_2", 52, "192.168.201.16", 100, Tracking.none());
        start(a, b);
        runUntil(4 * S, a, b);
        a.onAdvert(5 * S, Adverts.from("10.0.0.2").priority(200).received());
        assertThat(a.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(b.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(io.last().reason()).isEqualTo(TransitionReason.SYNC_GROUP);
        assertThat(group.snapshot().state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void theGroupIsReportedBeforeItsMembersAtStartAndAfterAllOfThemAtStop() {
        VrrpInstance a = member("VI_1", 51, "192.168.200.16", 100, Tracking.none());
        VrrpInstance b = member("VI_2", 52, "192.168.201.16", 100, Tracking.none());
        // keepalived's vrrp_init_state: every group's notification, then the instances'
        group.start();
        assertThat(groupChanges()).containsExactly(tuple(VrrpState.INIT, VrrpState.BACKUP, TransitionReason.STARTUP));
        assertThat(io.transitions).isEmpty();
        a.start(0);
        b.start(0);
        assertThat(io.transitions).extracting(FakeInstanceIo.Transition::to)
                .containsExactly(VrrpState.BACKUP, VrrpState.BACKUP);
        assertThat(groupChanges()).hasSize(1);
        runUntil(4 * S, a, b);
        assertThat(group.snapshot().state()).isEqualTo(VrrpState.MASTER);

        // keepalived's notify_shutdown: every instance, then the groups; no member follows another
        a.shutdown(5 * S);
        assertThat(b.state()).isEqualTo(VrrpState.MASTER);
        b.shutdown(5 * S);
        assertThat(groupChanges()).hasSize(2);
        group.shutdown();
        assertThat(groupChanges()).last().isEqualTo(tuple(VrrpState.MASTER, VrrpState.STOP, TransitionReason.SHUTDOWN));
        assertThat(group.snapshot().state()).isEqualTo(VrrpState.STOP);
    }

    @Test
    void aGroupWithAFaultyMemberStartsInFault() {
        link.setUp(false);
        VrrpInstance a = member("VI_1", 51, "192.168.200.16", 100,
                new Tracking(List.of(new Tracker(link, 0, false))));
        VrrpInstance b = member("VI_2", 52, "192.168.201.16", 100, Tracking.none());
        start(a, b);
        assertThat(groupChanges()).containsExactly(tuple(VrrpState.INIT, VrrpState.FAULT, TransitionReason.STARTUP));
        assertThat(a.state()).isEqualTo(VrrpState.FAULT);
        assertThat(b.state()).isEqualTo(VrrpState.FAULT);
    }

    private List<org.assertj.core.groups.Tuple> groupChanges() {
        return events.stream().filter(SyncGroupStateChanged.class::isInstance).map(SyncGroupStateChanged.class::cast)
                .map(e -> tuple(e.from(), e.to(), e.reason())).toList();
    }

    @Test
    void aFaultInOneMemberFaultsTheGroupAndRecoveryBringsItBack() {
        VrrpInstance a = member("VI_1", 51, "192.168.200.16", 100,
                new Tracking(List.of(new Tracker(link, 0, false))));
        VrrpInstance b = member("VI_2", 52, "192.168.201.16", 100, Tracking.none());
        start(a, b);
        runUntil(4 * S, a, b);
        link.setUp(false);
        a.refreshTracking(5 * S);
        assertThat(a.state()).isEqualTo(VrrpState.FAULT);
        assertThat(b.state()).isEqualTo(VrrpState.FAULT);
        assertThat(group.snapshot().state()).isEqualTo(VrrpState.FAULT);
        assertThat(io.advertsSent).contains(0);
        link.setUp(true);
        a.refreshTracking(6 * S);
        assertThat(a.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(b.state()).isEqualTo(VrrpState.BACKUP);
        runUntil(10 * S, a, b);
        assertThat(a.state()).isEqualTo(VrrpState.MASTER);
        assertThat(b.state()).isEqualTo(VrrpState.MASTER);
    }
}
