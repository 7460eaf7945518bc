package org.keepalived4j.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.DaemonSnapshot;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.ScriptSnapshot;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.model.StateListener;
import org.keepalived4j.model.TopologyChanged;

class LiveStateTest {

    private final LiveState state = new LiveState(SampleStates.daemon(), java.time.Clock.systemUTC());

    @Test
    void oneObjectLookupsAnswerWhatTheWholeSnapshotHolds() {
        List<VrrpInstanceSnapshot> instances = List.of(SampleStates.instance("VI_1", 1, VrrpState.MASTER),
                SampleStates.instance("VI_2", 2, VrrpState.BACKUP));
        List<VirtualServerSnapshot> servers = List.of(SampleStates.virtualServer("10.9.0.1", 80, 3, 1),
                SampleStates.virtualServer("10.9.0.2", 443, 2, 0));
        state.attach(new VrrpSource() {
            @Override
            public List<VrrpInstanceSnapshot> vrrpInstances() {
                return instances;
            }

            @Override
            public Optional<VrrpInstanceSnapshot> vrrpInstance(String name) {
                return instances.stream().filter(i -> i.name().equals(name)).findFirst();
            }

            @Override
            public List<SyncGroupSnapshot> syncGroups() {
                return List.of(SampleStates.syncGroup("SG_1", VrrpState.MASTER, List.of("VI_1")));
            }

            @Override
            public List<ScriptSnapshot> scripts() {
                return List.of();
            }

            @Override
            public List<org.keepalived4j.model.TrackFileSnapshot> trackFiles() {
                return List.of();
            }

            @Override
            public List<org.keepalived4j.model.TrackProcessSnapshot> trackProcesses() {
                return List.of();
            }

            @Override
            public List<org.keepalived4j.model.TrackBfdSnapshot> trackBfds() {
                return List.of();
            }

            @Override
            public org.keepalived4j.model.VrrpRouterCounters routerCounters() {
                return new org.keepalived4j.model.VrrpRouterCounters(4, 5, 6);
            }
        });
        state.attach(() -> servers);
        StateSnapshot all = state.current();

        assertThat(state.vrrpInstance("VI_2")).isEqualTo(all.vrrpInstance("VI_2")).isPresent();
        assertThat(state.vrrpInstance("VI_9")).isEmpty();
        assertThat(state.syncGroup("SG_1")).isEqualTo(all.syncGroup("SG_1")).isPresent();
        assertThat(state.syncGroup("SG_9")).isEmpty();
        assertThat(state.virtualServer("10.9.0.2:443/tcp")).isEqualTo(all.virtualServer("10.9.0.2:443/tcp"))
                .isPresent();
        assertThat(state.virtualServer("10.9.0.3:80/tcp")).isEmpty();
        assertThat(state.daemon()).isEqualTo(all.daemon());
    }

    @Test
    void deliversEventsInOrderOnTheListenersOwnThread() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        AutoCloseable sub = state.subscribe(new StateListener() {
            @Override
            public void topologyChanged(TopologyChanged event) {
                seen.add(event.cause());
                threads.add(Thread.currentThread());
            }
        });
        for (int i = 0; i < 100; i++) {
            state.emit(new TopologyChanged("e" + i, Instant.EPOCH));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 100);
        assertThat(seen.get(0)).isEqualTo("e0");
        assertThat(seen.get(99)).isEqualTo("e99");
        assertThat(threads).doesNotContain(Thread.currentThread());
        sub.close();
    }

    @Test
    void aSlowListenerNeverBlocksTheEmitterAndClosingDeliversWhatIsQueued() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        AutoCloseable sub = state.subscribe(new StateListener() {
            @Override
            public void topologyChanged(TopologyChanged event) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen.add(event.cause());
            }
        });
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            state.emit(new TopologyChanged("e" + i, Instant.EPOCH));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        release.countDown();
        state.closeSubscriptions(Duration.ofSeconds(30));
        assertThat(seen).hasSize(1000);
    }

    @Test
    void aThrowingListenerKeepsReceiving() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        AutoCloseable sub = state.subscribe(new StateListener() {
            @Override
            public void topologyChanged(TopologyChanged event) {
                seen.add(event.cause());
                throw new IllegalStateException("listener bug");
            }
        });
        state.emit(new TopologyChanged("a", Instant.EPOCH));
        state.emit(new TopologyChanged("b", Instant.EPOCH));
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
        sub.close();
    }
}
