package org.keepalived4j.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalived4j.config.GarpConfig;
import org.keepalived4j.config.VrrpInstanceConfig;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpCounters;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.vrrp.packet.VrrpAddress;

/** The RFC 5798 / 3768 state machine with a fake clock: no sockets, no sleeps. */
class VrrpInstanceTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;
    private static final Clock WALL = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final FakeInstanceIo io = new FakeInstanceIo();

    private VrrpInstance instance(InstanceConfigs configs) {
        return instance(configs.build());
    }

    private VrrpInstance instance(VrrpInstanceConfig config) {
        return new VrrpInstance(config, io, io, WALL, VrrpAddress.parse("10.0.0.1"));
    }

    /** Runs the instance's timers until {@code until}, as the loop would. */
    private static void runUntil(VrrpInstance vi, long until) {
        while (vi.nextDeadline() <= until) {
            vi.onTimer(vi.nextDeadline());
        }
    }

    private static VrrpCounters counters(VrrpInstance vi) {
        return vi.publisher().snapshot().counters();
    }

    @Test
    void startsInBackupAndTakesOverAfterMasterDownInterval() {
        VrrpInstance vi = instance(InstanceConfigs.instance().priority(100));
        vi.start(0);
        assertThat(vi.state()).isEqualTo(VrrpState.BACKUP);
        // VRRPv2: 3 * 1 s + (256 - 100) / 256 s = 3.609375 s
        assertThat(vi.nextDeadline()).isEqualTo(3_609_375_000L);
        runUntil(vi, 3_609_374_999L);
        assertThat(vi.state()).isEqualTo(VrrpState.BACKUP);
        runUntil(vi, 3_609_375_000L);
        assertThat(vi.state()).isEqualTo(VrrpState.MASTER);
        assertThat(io.last().reason()).isEqualTo(TransitionReason.MASTER_NO_RESPONSE);
        assertThat(io.advertsSent).containsExactly(100);
        assertThat(io.installed).isTrue();
        assertThat(io.announcements).containsExactly(5);
        assertThat(counters(vi).becomeMaster()).isEqualTo(1);
    }

    @Test
    void aReloadReplacementCarriesOnTheOldInstancesCountersAndHistory() {
        VrrpInstance old = instance(InstanceConfigs.instance().priority(100));
        old.start(0);
        runUntil(old, 10 * S);
        old.onAdvert(10 * S, Adverts.from("10.0.0.2").priority(150).received());
        VrrpCounters before = counters(old);
        var history = old.publisher().snapshot().status();
        assertThat(before.becomeMaster()).isEqualTo(1);
        assertThat(before.releaseMaster()).isEqualTo(1);

        VrrpInstance replacement = instance(InstanceConfigs.instance().priority(120));
        replacement.carryHistoryFrom(old);
        replacement.resume(10 * S, old.state());

        assertThat(counters(replacement)).isEqualTo(before);
        var status = replacement.publisher().snapshot().status();
        assertThat(status.transitionCount()).isEqualTo(history.transitionCount()).isEqualTo(3);
        assertThat(status.transitions()).isEqualTo(history.transitions());
        assertThat(status.lastTransition()).isEqualTo(history.lastTransition());
        runUntil(replacement, 11 * S);
        replacement.onAdvert(11 * S, Adverts.from("10.0.0.2").priority(150).received());
        assertThat(counters(replacement).advertRcvd()).isEqualTo(before.advertRcvd() + 1);
    }

    @Test
    void authenticationAndProtocolErrorsAreReportedAsKeepalivedReportsThem() {
        VrrpInstance vi = instance(InstanceConfigs.instance().priority(100).password("secret"));
        vi.start(0);
        vi.onAdvert(S, Adverts.from("10.0.0.2").password("wrong").received());
        vi.onAdvert(S, Adverts.from("10.0.0.2").received());
        vi.onAdvert(S, Adverts.from("10.0.0.2").password("secret").ttl(64).received());
        vi.onAdvert(S, Adverts.from("10.0.0.2").password("secret").type(2).received());
        assertThat(io.rejections).containsExactly(org.keepalived4j.model.VrrpPacketError.AUTH_FAILURE,
                org.keepalived4j.model.VrrpPacketError.AUTH_TYPE_MISMATCH,
                org.keepalived4j.model.VrrpPacketError.IP_TTL);
        var status = vi.publisher().snapshot().status();
        assertThat(status.lastProtocolError()).isEqualTo(org.keepalived4j.model.VrrpPacketError.IP_TTL);
        assertThat(counters(vi).authFailure()).isEqualTo(1);
        assertThat(counters(vi).invalidTypeRcvd()).isEqualTo(1);
    }

    @Test
    void aFloodOfBadPacketsIsCountedInFullButReportedAtTenASecond() {
        VrrpInstance vi = instance(InstanceConfigs.instance().priority(100).password("secret"));
        vi.start(0);
        for (int i = 0; i < 1000; i++) {
            vi.onAdvert(S + i * MS, Adverts.from("10.0.0.2").password("wrong").received());
        }
        assertThat(counters(vi).authFailure()).isEqualTo(1000);
        // 10 at once, then one each 100 ms of the flood's second
        assertThat(io.rejections).hasSize(10 + 9);
    }

    @Test
    void theLastMasterReasonOutlivesMaster() {
        VrrpInstance vi = instance(InstanceConfigs.instance().priority(100));
        vi.start(0);
        runUntil(vi, 4 * S);
        vi.onAdvert(4 * S, Adverts.from("10.0.0.2").priority(150).received());
        var status = vi.publisher().snapshot().status();
        assertThat(status.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(status.lastMasterReason()).isEqualTo(TransitionReason.MASTER_NO_RESPONSE);
    }

    @Test
    void masterAdvertisesEveryInterval() {
        VrrpInstance vi = instance(InstanceConfigs.instance().priority(200));
        vi.start(0);
        runUntil(vi, 4 * S);
        int sentAtTakeover = io.advertsSent.size();
        runUntil(vi, 14 * S);
        assertThat(io.advertsSent.size() - sentAtTakeover).isEqualTo(10);
        assertThat(counters(vi).advertSent()).isEqualTo(io.advertsSent.size());
    }

    @Test
    void addressOwnerStartingAsMasterTakesOverAtOnce() {
        VrrpInstance vi = instance(InstanceConfigs.instance().priority(255).master());
        vi.start(0);
        // keepalived 2.2.7 vrrp_init_state: BACKUP without a transition, Master_Down_Timer 1 µs
        assertThat(io.transitions).isEmpty();
        assertThat(vi.nextDeadline()).isEqualTo(1_000L);
        runUntil(vi, 1_000L);
        assertThat(vi.state()).isEqualTo(VrrpState.MASTER);
        assertThat(io.transitions).hasSize(1);
        assertThat(io.last().reason()).isEqualTo(TransitionReason.PRIORITY);
        assertThat(io.advertsSent).hasSize(1);
    }

    @Test
    void stateMasterBelowOwnerPriorityStillStartsAsBackup() {
        VrrpInstance vi = instance(InstanceConfigs.instance().priority(150).master());
        vi.start(0);
        assertThat(vi.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void backupFollowsAHigherPriorityMasterForever() {
        VrrpInstance vi = instance(InstanceConfigs.instance().priority(100));
        vi.start(0);
        for (long t = S; t < 30 * S; t += S) {
            runUntil(vi, t);
            vi.onAdvert(t, Adverts.from("10.0.0.2").priority(150).received());
        }
        assertThat(vi.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(vi.masterAddress()).isEqualTo(VrrpAddress.parse("10.0.0.2"));
        assertThat(vi.masterPriority()).isEqualTo(150);
        assertThat(counters(vi).advertRcvd()).isEqualTo(29);
    }

    @Test
    void backupPreemptsALowerPriorityMaster() {
        VrrpInstance vi = instance(InstanceConfigs.instance().priority(150));
        vi.start(0);
        for (long t = S; t <= 5 * S; t += S) {
            vi.onAdvert(t, Adverts.from("10.0.0.2").priority(100).received());
            runUntil(vi, t);
        }
        assertThat(vi.state()).isEqualTo(VrrpState.MASTER);
        assertThat(io.last().reason()).isEqualTo(TransitionReason.PRIORITY);
    }

    @Test
    void nopreemptKeepsFollowingALowerPriorityMaster() {
        VrrpInstance vi = instance(InstanceConfigs.instance().priority(150).nopreempt());
        vi.start(0);
        for (long t = S; t <= 20 * S; t += S) {
            vi.onAdvert(t, Adverts.from("10.0.0.2").priority(100).received());
            runUntil(vi, t);
        }
        assertThat(vi.state()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void preemptDelayHoldsOffPreemptionThenPreempts() {
        VrrpInstance vi = instance(InstanceConfigs.instance().priority(150).preemptDelay(10 * 1_000_000L));
        vi.start(0);
        long t = S;
        for (; t <= 9 * S; t += S) {
            vi.onAdvert(t, Adverts.from("10.0.0.2").priority(100).received());
            runUntil(vi, t);
        }
        assertThat(vi.state()).isEqualTo(VrrpState.BACKUP);
        for (; t <= 20 * S; t += S) {
            vi.onAdvert(t, Adverts.from("10.0.0.2").priority(100).received());
            runUntil(vi, t);
        }
        assertThat(vi.state()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void priorityZeroMakesTheBackupTakeOverAfterSkewTimeOnly() {
        VrrpInstance vi = instance(InstanceConfigs.instance().priority(100));
        vi.start(0);
        vi.onAdvert(S, Adverts.from("10.0.0.2").priority(200).received());
        vi.onAdvert(2 * S, Adverts.from("10.0.0.2").priority(0).received());
        // Skew_Time = 156/256 s = 609375 us
        assertThat(vi.nextDeadline()).isEqualTo(2 * S + 609_375_000L);
        runUntil(vi, 2 * S + 609_375_000L);
        assertThat(vi.state()).isEqualTo(VrrpState.MASTER);
        assertThat(io.last().reason()).isEqualTo(TransitionReason.MASTER_RELEASED);
        assertThat(counters(vi).priZeroRcvd()).isEqualTo(1);
        assertThat(vi.publisher().snapshot().takeover().count()).isEqualTo(1);
    }

    @Test
    void masterStepsDownForAHigherPriorityAdvert() {
        VrrpInstance vi = instance(InstanceConfigs.instance().priority(100));
        vi.start(0);
        runUntil(vi, 4 * S);
        assertThat(vi.state()).isEqualTo(VrrpState.MASTER);
        vi.onAdvert(5 * S, Adverts.from("10.0.0.2").priority(200).received());
        assertThat(vi.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(io.last()).isEqualTo(new FakeInstanceIo.Transition("VI_1", VrrpState.MASTER, VrrpState.BACKUP,
                TransitionReason.PREEMPTED));
        assertThat(io.installed).isFalse();
        assertThat(counters(vi).releaseMaster()).isEqualTo(1);
        assertThat(vi.masterAddress()).isEqualTo(VrrpAddress.parse("10.0.0.2"));
    }

    @Test
    void equalPriorityIsWonByTheHigherAddress() {
        VrrpInstance lowAddress = instance(InstanceConfigs.instance().priority(100));
        lowAddress.start(0);
        runUntil(lowAddress, 4 * S);
        lowAddress.onAdvert(5 * S, Adverts.from("10.0.0.2").priority(100).received());
        assertThat(lowAddress.state()).isEqualTo(VrrpState.BACKUP);

        FakeInstanceIo otherIo = new FakeInstanceIo();
        VrrpInstance highAddress = new VrrpInstance(InstanceConfigs.instance().priority(100).build(), otherIo, otherIo,
                WALL, VrrpAddress.parse("10.0.0.3"));
        highAddress.start(0);
        runUntil(highAddress, 4 * S);
        highAddress.onAdvert(5 * S, Adverts.from("10.0.0.2").priority(100).received());
        assertThat(highAddress.state()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void masterAnswersALowerPriorityAdvertUnlessToldNotTo() {
        VrrpInstance vi = instance(InstanceConfigs.instance().priority(200));
        vi.start(0);
        runUntil(vi, 4 * S);
        int before = io.advertsSent.size();
        vi.onAdvert(4 * S + 10 * MS, Adverts.from("10.0.0.2").priority(100).received());
        assertThat(io.advertsSent.size()).isEqualTo(before + 1);
        assertThat(io.lowerPriorityNotifications).isEqualTo(1);
        assertThat(vi.state()).isEqualTo(VrrpState.MASTER);

        FakeInstanceIo quietIo = new FakeInstanceIo();
        VrrpInstance quiet = new VrrpInstance(InstanceConfigs.instance().priority(200).lowerPrioNoAdvert().build(),
                quietIo, quietIo, WALL, VrrpAddress.parse("10.0.0.1"));
        quiet.start(0);
        runUntil(quiet, 4 * S);
        int quietBefore = quietIo.advertsSent.size();
        quiet.onAdvert(4 * S + 10 * MS, Adverts.from("10.0.0.2").priority(100).received());
        assertThat(quietIo.advertsSent.size()).isEqualTo(quietBefore);
    }

    @Test
    void masterAnswersPriorityZeroAtOnce() {
        VrrpInstance vi = instance(InstanceConfigs.instance().priority(200));
        vi.start(0);
        runUntil(vi, 4 * S);
        int before = io.advertsSent.size();
        vi.onAdvert(4 * S + 1, Adverts.from("10.0.0.2").priority(0).received());
        assertThat(io.advertsSent.size()).isEqualTo(before + 1);
        assertThat(vi.state()).isEqualTo(VrrpState.MASTER);
    }

    @Test
    void startingClearsAddressesLeftOnTheInterfaceBeforeEnteringBackup() {
        io.installed = true; // a previous run was killed as MASTER
        VrrpInstance vi = instance(InstanceConfigs.instance().priority(100));
        vi.start(0);
        assertThat(io.strayRemovals).isEqualTo(1);
        assertThat(io.installed).isFalse();
        assertThat(vi.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(vi.publisher().snapshot().vips()).allSatisfy(v -> assertThat(v.installed()).isFalse());
    }

    @Test
    void stoppingABackupClearsAddressesSomeoneElseLeft() {
        VrrpInstance vi = instance(InstanceConfigs.instance().priority(100));
        vi.start(0);
        io.installed = true;
        vi.shutdown(S);
        assertThat(io.strayRemovals).isEqualTo(2);
        assertThat(io.installed).isFalse();
        assertThat(io.advertsSent).isEmpty();
    }

    @Test
    void shutdownOfAMasterSendsPriorityZeroAndRemovesAddresses() {
        VrrpInstance vi = instance(InstanceConfigs.instance().priority(200));
        vi.start(0);
        runUntil(vi, 4 * S);
        vi.shutdown(5 * S);
        assertThat(vi.state()).isEqualTo(VrrpState.STOP);
        assertThat(io.advertsSent).endsWith(0);
        assertThat(io.installed).isFalse();
        assertThat(counters(vi).priZeroSent()).isEqualTo(1);
        assertThat(io.last().reason()).isEqualTo(TransitionReason.SHUTDOWN);
        assertThat(vi.nextDeadline()).isEqualTo(VrrpInstance.NEVER);
    }

    @Test
    void versionThreeBackupAdoptsTheMastersInterval() {
        VrrpInstance vi = instance(InstanceConfigs.instance().priority(100).v3(1_000_000));
        vi.start(0);
        vi.onAdvert(S, Adverts.from("10.0.0.2").priority(200).v3(50).addresses("192.168.200.16").received());
        assertThat(vi.masterAdvertIntervalMicros()).isEqualTo(500_000);
        // 3 * 0.5 s + (256 - 100) * 50 cs / 256 = 1.5 s + 0.304687 s (keepalived truncates to the microsecond)
        assertThat(vi.nextDeadline()).isEqualTo(S + 1_804_687_000L);
    }

    @Test
    void versionTwoIntervalMismatchIsDroppedAsKeepalivedDoesAndCountedApart() {
        VrrpInstance vi = instance(InstanceConfigs.instance().priority(100));
        vi.start(0);
        vi.onAdvert(S, Adverts.from("10.0.0.2").priority(200).interval(2).received());
        // keepalived 2.2.7 drops it without touching advert_interval_err
        assertThat(counters(vi).advertIntervalErr()).isZero();
        assertThat(counters(vi).advertIntervalMismatch()).isEqualTo(1);
        assertThat(counters(vi).advertRcvd()).isZero();
        assertThat(vi.masterAddress()).isNull();
    }

    @Test
    void rejectsTtlOtherThan255OnMulticast() {
        VrrpInstance vi = instance(InstanceConfigs.instance());
        vi.start(0);
        vi.onAdvert(S, Adverts.from("10.0.0.2").priority(200).ttl(64).received());
        assertThat(counters(vi).ipTtlErr()).isEqualTo(1);
        assertThat(counters(vi).advertRcvd()).isZero();
    }

    @Test
    void countsAuthenticationErrors() {
        VrrpInstance vi = instance(InstanceConfigs.instance().password("secret1"));
        vi.start(0);
        vi.onAdvert(S, Adverts.from("10.0.0.2").priority(200).password("wrong").received());
        vi.onAdvert(S, Adverts.from("10.0.0.2").priority(200).received());
        vi.onAdvert(S, Adverts.from("10.0.0.2").priority(200).authType(7).received());
        vi.onAdvert(S, Adverts.from("10.0.0.2").priority(200).password("secret1").received());
        VrrpCounters c = counters(vi);
        assertThat(c.authFailure()).isEqualTo(1);
        assertThat(c.authtypeMismatch()).isEqualTo(1);
        assertThat(c.invalidAuthtype()).isEqualTo(1);
        assertThat(c.advertRcvd()).isEqualTo(1);
        assertThat(vi.masterPriority()).isEqualTo(200);
    }

    @Test
    void countsAddressListAndTypeErrors() {
        VrrpInstance vi = instance(InstanceConfigs.instance());
        vi.start(0);
        vi.onAdvert(S, Adverts.from("10.0.0.2").addresses("192.168.200.16", "192.168.200.17").received());
        vi.onAdvert(S, Adverts.from("10.0.0.2").addresses("192.168.200.99").received());
        vi.onAdvert(S, Adverts.from("10.0.0.2").type(2).received());
        vi.onAdvert(S, Adverts.from("10.0.0.2").to("10.0.0.1").received());
        VrrpCounters c = counters(vi);
        assertThat(c.addrListErr()).isEqualTo(3);
        assertThat(c.invalidTypeRcvd()).isEqualTo(1);
        assertThat(c.advertRcvd()).isEqualTo(1);
    }

    @Test
    void skipCheckAdvAddrSkipsTheAddressCheckForTheKnownMasterOnly() {
        VrrpInstance vi = instance(InstanceConfigs.instance().skipCheckAdvAddr());
        vi.start(0);
        vi.onAdvert(S, Adverts.from("10.0.0.2").priority(200).received());
        vi.onAdvert(2 * S, Adverts.from("10.0.0.2").priority(200).addresses("192.168.200.99").received());
        assertThat(counters(vi).addrListErr()).isZero();
        vi.onAdvert(3 * S, Adverts.from("10.0.0.3").priority(200).addresses("192.168.200.99").received());
        assertThat(counters(vi).addrListErr()).isEqualTo(1);
    }

    @Test
    void unicastInstanceAcceptsUnicastAndIgnoresTtl() {
        VrrpInstance vi = instance(InstanceConfigs.instance().unicastPeer("10.0.0.2"));
        vi.start(0);
        vi.onAdvert(S, Adverts.from("10.0.0.2").priority(200).to("10.0.0.1").ttl(64).received());
        assertThat(counters(vi).advertRcvd()).isEqualTo(1);
        vi.onAdvert(S, Adverts.from("10.0.0.2").priority(200).received());
        assertThat(counters(vi).addrListErr()).isEqualTo(1);
    }

    @Test
    void secondGratuitousArpBurstAndRefresh() {
        GarpConfig garp = new GarpConfig(5_000_000, 3, 5_000_000, 0, 60_000_000, 2, 0, false);
        VrrpInstance vi = instance(InstanceConfigs.instance().priority(200).garp(garp));
        vi.start(0);
        runUntil(vi, 4 * S);
        assertThat(io.announcements).containsExactly(3);
        runUntil(vi, 10 * S);
        assertThat(io.announcements).containsExactly(3, 3);
        runUntil(vi, 64 * S);
        assertThat(io.announcements).containsExactly(3, 3, 2);
    }

    @Test
    void snapshotReflectsTheState() {
        VrrpInstance vi = instance(InstanceConfigs.instance().priority(200));
        vi.start(0);
        runUntil(vi, 4 * S);
        var snapshot = vi.publisher().snapshot();
        assertThat(snapshot.state()).isEqualTo(VrrpState.MASTER);
        assertThat(snapshot.status().effectivePriority()).isEqualTo(200);
        assertThat(snapshot.vips()).extracting(v -> v.address()).containsExactly("192.168.200.16/32");
        assertThat(snapshot.vips().get(0).installed()).isTrue();
        assertThat(snapshot.status().transitionCount()).isEqualTo(2);
        assertThat(snapshot.status().lastTransitionReason()).isEqualTo(TransitionReason.MASTER_NO_RESPONSE);
        assertThat(snapshot.settings().authType()).isEqualTo("NONE");
        assertThat(snapshot.status().transitions()).containsExactly(
                new org.keepalived4j.model.TransitionCount(VrrpState.BACKUP, TransitionReason.STARTUP, 1),
                new org.keepalived4j.model.TransitionCount(VrrpState.MASTER, TransitionReason.MASTER_NO_RESPONSE, 1));
        assertThat(List.of(snapshot.status().masterAddress())).containsExactly("10.0.0.1");
    }
}
