package org.keepalived4j.vrrp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.keepalived4j.config.UnicastPeer;
import org.keepalived4j.config.VipConfig;
import org.keepalived4j.config.VrrpInstanceConfig;
import org.keepalived4j.model.TransitionCount;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VipSnapshot;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.state.LiveHistogram;
import org.keepalived4j.net.AddressText;

/**
 * Publishes an instance's immutable snapshot after every change (on the loop thread) and serves
 * it, with live counters, to any thread.
 */
final class InstancePublisher {

    /** Takeover delays (master silence to MASTER), seconds: fine at 10 ms adverts, coarse at 255 s. */
    private static final double[] TAKEOVER_BUCKETS = {
        0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 3.5, 5, 10, 30, 60, 300, 1000};

    private final VrrpInstance instance;
    private final VrrpStats stats;
    private final LiveHistogram takeover = new LiveHistogram(TAKEOVER_BUCKETS);
    private final AtomicReference<VrrpInstanceSnapshot> published = new AtomicReference<>();
    private Instant lastTransition;
    private TransitionReason lastReason;
    private long transitions;
    private final java.util.Map<TransitionKey, Long> transitionCounts = new java.util.LinkedHashMap<>();

    private record TransitionKey(org.keepalived4j.model.VrrpState to, TransitionReason reason) {
    }

    InstancePublisher(VrrpInstance instance, VrrpStats stats) {
        this.instance = instance;
        this.stats = stats;
    }

    /** Loop thread: records a transition (when {@code reason} is given) and publishes. */
    void publish(Instant transitionAt, TransitionReason reason) {
        if (transitionAt != null) {
            lastTransition = transitionAt;
        }
        if (reason != null) {
            lastReason = reason;
            transitions++;
            transitionCounts.merge(new TransitionKey(instance.state(), reason), 1L, Long::sum);
        }
        published.set(build());
    }

    void observeTakeover(long nanos) {
        takeover.observeNanos(nanos);
    }

    /** Any thread: the latest snapshot with the counters as they are now. */
    VrrpInstanceSnapshot snapshot() {
        return published.get().withCounters(stats.snapshot(), takeover.snapshot());
    }

    private VrrpInstanceSnapshot build() {
        VrrpInstanceConfig c = instance.config();
        Duration advert = Duration.ofNanos(c.advertIntervalMicros() * 1000);
        Duration masterAdvert = Duration.ofNanos(instance.masterAdvertIntervalMicros() * 1000);
        List<String> peers = new ArrayList<>();
        for (UnicastPeer peer : c.transport().unicastPeers()) {
            peers.add(AddressText.of(peer.address()));
        }
        return new VrrpInstanceSnapshot(c.name(), c.vrid(), c.interfaceName(), c.version(), c.ipv6(),
                instance.state(), instance.wanted(), c.initialState(), instance.basePriority(),
                instance.effectivePriority(), advert, masterAdvert,
                instance.masterAddress() == null ? null : instance.masterAddress().toString(),
                instance.masterPriority(),
                instance.primaryAddress() == null ? null : instance.primaryAddress().toString(), peers,
                vips(c.vips(), c.interfaceName(), 0), vips(c.excludedVips(), c.interfaceName(), c.vips().size()),
                c.preempt(), Duration.ofNanos(c.preemptDelayMicros() * 1000), c.auth().type().name(),
                Duration.ofNanos(c.garp().masterDelayMicros() * 1000), lastTransition, lastReason, transitions,
                transitionCounts(), instance.syncGroup() == null ? null : instance.syncGroup().name(),
                instance.tracking().snapshots(), stats.snapshot(), takeover.snapshot());
    }

    private List<TransitionCount> transitionCounts() {
        List<TransitionCount> out = new ArrayList<>(transitionCounts.size());
        transitionCounts.forEach((k, n) -> out.add(new TransitionCount(k.to(), k.reason(), n)));
        return out;
    }

    /** {@code first}: the index of {@code vips}' first address among the instance's addresses. */
    private List<VipSnapshot> vips(List<VipConfig> vips, String defaultDevice, int first) {
        List<VipSnapshot> out = new ArrayList<>(vips.size());
        for (int i = 0; i < vips.size(); i++) {
            VipConfig v = vips.get(i);
            out.add(new VipSnapshot(v.address().toString(), v.device() != null ? v.device() : defaultDevice,
                    v.label(), v.scope(), instance.io.addressPresent(instance, first + i)));
        }
        return out;
    }
}
