package org.keepalived4j.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.vrrp.packet.VrrpAddress;

/** A master's advert due in the middle of a long loop turn goes out there, and nothing else happens early. */
class DueAdvertsTest {

    private static final long MS = 1_000_000L;
    private static final Clock WALL = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private final AtomicLong clock = new AtomicLong();
    private final DueAdverts due = new DueAdverts(clock::get);

    private static VrrpInstance instance(FakeInstanceIo io, String name, int priority) {
        return new VrrpInstance(InstanceConfigs.instance().name(name).v3(100_000).priority(priority).build(), io, io,
                WALL, VrrpAddress.parse("10.0.0.1"));
    }

    /** A probe at priority 200 that has become master by 400 ms, its adverts going to {@code io}. */
    private static VrrpInstance master(FakeInstanceIo io) {
        VrrpInstance probe = instance(io, "probe", 200);
        probe.start(0);
        while (probe.nextDeadline() <= 400 * MS) {
            probe.onTimer(probe.nextDeadline());
        }
        return probe;
    }

    @Test
    void aMasterWhoseAdvertFallsDueDuringATurnSendsItThereKeepingItsCadence() {
        FakeInstanceIo io = new FakeInstanceIo();
        VrrpInstance probe = master(io);
        assertThat(probe.state()).isEqualTo(VrrpState.MASTER);
        long deadline = probe.nextDeadline();
        int sent = io.advertsSent.size();

        clock.set(deadline - MS);
        due.afterTransition(new VrrpInstance[] {probe});
        assertThat(io.advertsSent).as("not due yet").hasSize(sent);

        // the turn goes on moving other instances; 30 ms later the probe's advert is overdue
        clock.set(deadline + 30 * MS);
        due.afterTransition(new VrrpInstance[] {probe});
        assertThat(io.advertsSent).hasSize(sent + 1).last().isEqualTo(200);
        assertThat(probe.nextDeadline()).as("the next advert one interval after the due one")
                .isEqualTo(deadline + 100 * MS);
    }

    @Test
    void lookingAgainWithinASliceCostsNothing() {
        FakeInstanceIo io = new FakeInstanceIo();
        VrrpInstance probe = master(io);
        long deadline = probe.nextDeadline();
        int sent = io.advertsSent.size();
        clock.set(deadline - DueAdverts.SLICE_NANOS / 2);
        due.afterTransition(new VrrpInstance[] {probe});
        clock.set(deadline);
        due.afterTransition(new VrrpInstance[] {probe});
        assertThat(io.advertsSent).as("looked half a slice ago").hasSize(sent);
        clock.set(deadline - DueAdverts.SLICE_NANOS / 2 + DueAdverts.SLICE_NANOS);
        due.afterTransition(new VrrpInstance[] {probe});
        assertThat(io.advertsSent).hasSize(sent + 1);
    }

    @Test
    void aBackupWhoseMasterDownTimerExpiredWaitsForTheEndOfTheTurn() {
        FakeInstanceIo io = new FakeInstanceIo();
        VrrpInstance backup = instance(io, "backup", 100);
        backup.start(0);
        assertThat(backup.state()).isEqualTo(VrrpState.BACKUP);
        clock.set(backup.nextDeadline() + 50 * MS);
        due.afterTransition(new VrrpInstance[] {backup});
        assertThat(backup.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(io.advertsSent).isEmpty();
    }
}
