package org.keepalived4j.vrrp.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.keepalived4j.linux.EventFd;

class NativePollerTest {

    private static final long TEN_SECONDS = TimeUnit.SECONDS.toNanos(10);

    @Test
    void callsTheHandlerOfEachReadyDescriptor() throws Exception {
        try (NativePoller poller = NativePoller.open(); EventFd a = EventFd.open(); EventFd b = EventFd.open()) {
            List<Integer> ready = new ArrayList<>();
            poller.register(a.fd(), (fd, failed) -> ready.add(fd));
            poller.register(b.fd(), (fd, failed) -> {
                ready.add(fd);
                drain(b);
            });
            b.signal();

            assertThat(poller.poll(TEN_SECONDS)).isEqualTo(1);
            assertThat(ready).containsExactly(b.fd());
            assertThat(poller.poll(0)).isZero();
        }
    }

    @Test
    void stopsCallingAnUnregisteredHandler() throws Exception {
        try (NativePoller poller = NativePoller.open(); EventFd a = EventFd.open()) {
            List<Integer> ready = new ArrayList<>();
            PollRegistration registration = poller.register(a.fd(), (fd, failed) -> ready.add(fd));
            a.signal();
            registration.close();

            assertThat(poller.poll(TimeUnit.MILLISECONDS.toNanos(20))).isZero();
            assertThat(ready).isEmpty();
        }
    }

    @Test
    void letsAHandlerUnregisterAnotherOneDuringDispatch() throws Exception {
        try (NativePoller poller = NativePoller.open(); EventFd a = EventFd.open(); EventFd b = EventFd.open()) {
            List<Integer> ready = new ArrayList<>();
            PollRegistration[] second = new PollRegistration[1];
            poller.register(a.fd(), (fd, failed) -> {
                ready.add(fd);
                second[0].close();
            });
            second[0] = poller.register(b.fd(), (fd, failed) -> ready.add(fd));
            a.signal();
            b.signal();

            poller.poll(TEN_SECONDS);

            assertThat(ready).containsExactly(a.fd());
        }
    }

    @Test
    void refusesToRegisterADescriptorTwice() throws Exception {
        try (NativePoller poller = NativePoller.open(); EventFd a = EventFd.open()) {
            poller.register(a.fd(), (fd, failed) -> { });

            assertThatThrownBy(() -> poller.register(a.fd(), (fd, failed) -> { }))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void wakeupFromAnotherThreadEndsAPollPromptly() throws Exception {
        try (NativePoller poller = NativePoller.open()) {
            CountDownLatch polling = new CountDownLatch(1);
            Thread waker = new Thread(() -> {
                try {
                    polling.await();
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                poller.wakeup();
            });
            waker.start();
            long start = System.nanoTime();
            polling.countDown();

            int called = poller.poll(TEN_SECONDS);

            long elapsed = System.nanoTime() - start;
            waker.join();
            assertThat(called).isZero();
            assertThat(elapsed).isLessThan(TimeUnit.SECONDS.toNanos(2));
        }
    }

    @Test
    void mergesWakeupsIssuedBeforeThePoll() throws Exception {
        try (NativePoller poller = NativePoller.open()) {
            poller.wakeup();
            poller.wakeup();

            assertThat(poller.poll(TEN_SECONDS)).isZero();
            long start = System.nanoTime();
            poller.poll(TimeUnit.MILLISECONDS.toNanos(30));
            assertThat(System.nanoTime() - start).as("the second poll waits: nothing is pending")
                    .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(29));
        }
    }

    @Test
    void ignoresWakeupsAfterClose() throws Exception {
        NativePoller poller = NativePoller.open();
        poller.close();

        poller.wakeup();
        poller.close();
    }

    @Test
    void pollsWithoutAllocatingInSteadyState() throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (NativePoller poller = NativePoller.open(); EventFd a = EventFd.open(); EventFd b = EventFd.open()) {
            int[] calls = new int[1];
            poller.register(a.fd(), (fd, failed) -> calls[0]++);
            poller.register(b.fd(), (fd, failed) -> calls[0]++);
            a.signal();
            for (int i = 0; i < 20_000; i++) {
                poller.poll(0);
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 10_000; i++) {
                poller.poll(0);
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;

            assertThat(calls[0]).isEqualTo(30_000);
            assertThat(allocated).as("bytes allocated by 10,000 polls").isLessThan(1024);
        }
    }

    private static void drain(EventFd fd) {
        try {
            fd.drain();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
