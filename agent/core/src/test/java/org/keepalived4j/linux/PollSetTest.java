package org.keepalived4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PollSetTest {

    @Test
    void timesOutAfterTheRequestedNanoseconds() throws Exception {
        try (EventFd idle = EventFd.open(); PollSet set = new PollSet(1)) {
            set.resize(1);
            set.set(0, idle.fd());
            long start = System.nanoTime();

            int ready = set.poll(TimeUnit.MILLISECONDS.toNanos(30));

            assertThat(ready).isZero();
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(29));
        }
    }

    @Test
    void reportsASignalledEventFdAsReadableUntilDrained() throws Exception {
        try (EventFd first = EventFd.open(); EventFd second = EventFd.open(); PollSet set = new PollSet(1)) {
            set.resize(2);
            set.set(0, first.fd());
            set.set(1, second.fd());
            second.signal();
            second.signal();

            assertThat(set.poll(0)).isEqualTo(1);
            assertThat(set.readyEvents(0)).isZero();
            assertThat(set.readyEvents(1) & PollSet.READABLE).isNotZero();

            assertThat(second.drain()).isTrue();
            assertThat(second.drain()).isFalse();
            assertThat(set.poll(0)).isZero();
        }
    }

    @Test
    void growsBeyondItsInitialCapacityKeepingSlots() throws Exception {
        try (EventFd a = EventFd.open(); EventFd b = EventFd.open(); PollSet set = new PollSet(1)) {
            set.resize(1);
            set.set(0, a.fd());
            set.resize(2);
            set.set(1, b.fd());
            a.signal();

            assertThat(set.poll(0)).isEqualTo(1);
            assertThat(set.readyEvents(0) & PollSet.READABLE).isNotZero();
        }
    }

    @Test
    void rejectsNegativeTimeouts() {
        try (PollSet set = new PollSet(1)) {
            assertThatThrownBy(() -> set.poll(-1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesAClosedDescriptor() throws Exception {
        EventFd fd = EventFd.open();
        fd.close();

        assertThat(fd.isOpen()).isFalse();
        assertThatThrownBy(fd::fd).isInstanceOf(IllegalStateException.class);
        fd.close();
    }
}
