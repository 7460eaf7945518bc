package org.keepalived4j.vrrp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.keepalived4j.model.AddressSettings;
import org.keepalived4j.model.TransitionCount;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpInstanceSettings;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpInstanceStatus;
import org.keepalived4j.model.VrrpRouterCounters;
import org.keepalived4j.state.VrrpReadModel;
import org.keepalived4j.state.LiveHistogram;

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
    private TransitionReason lastMasterReason;
    private org.keepalived4j.model.VrrpPacketError lastProtocolError;
    private VrrpInstanceSettings settings;
    private final java.util.Map<TransitionKey, Long> transitionCounts = new java.util.LinkedHashMap<>();

    private record TransitionKey(org.keepalived4j.model.VrrpState to, TransitionReason reason) {
    }

    InstancePublisher(VrrpInstance instance, VrrpStats stats) {
        this.instance = instance;
        this.stats = stats;
        this.settings = VrrpReadModel.instance(instance.config(), 0, null);
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
            if (instance.state() == org.keepalived4j.model.VrrpState.MASTER) {
                lastMasterReason = reason;
            }
        }
        published.set(build());
    }

    /** Loop thread: a reload's replacement keeps the old instance's history (transitions, takeovers). */
    void carryFrom(InstancePublisher old) {
        takeover.add(old.takeover);
        lastTransition = old.lastTransition;
        lastReason = old.lastReason;
        transitions = old.transitions;
        transitionCounts.putAll(old.transitionCounts);
        lastMasterReason = old.lastMasterReason;
        lastProtocolError = old.lastProtocolError;
    }

    /** Loop thread: the instance dropped a packet for {@code error}; a protocol error is kept for RFC 6527. */
    void rejected(org.keepalived4j.model.VrrpPacketError error) {
        if (!error.authentication() && error != lastProtocolError) {
            lastProtocolError = error;
            published.set(build());
        }
    }

    void observeTakeover(long nanos) {
        takeover.observeNanos(nanos);
    }

    /** Any thread: the latest snapshot with the counters as they are now. */
    VrrpInstanceSnapshot snapshot() {
        return published.get().withCounters(stats.snapshot(), takeover.snapshot());
    }

    /** Any thread: the counts that go into the daemon-wide {@link VrrpRouterCounters}. */
    VrrpRouterCounters routerCounters() {
        return new VrrpRouterCounters(stats.checksumErr, stats.versionErr, 0);
    }

    /** Loop thread: the instance's settings after a (re)load; the next publish shows them. */
    void settings(VrrpInstanceSettings newSettings) {
        settings = newSettings;
    }

    VrrpInstanceSettings settings() {
        return settings;
    }

    private VrrpInstanceSnapshot build() {
        List<AddressSettings> addresses = settings.addresses();
        List<Boolean> present = new ArrayList<>(addresses.size());
        for (int i = 0; i < addresses.size(); i++) {
            present.add(instance.io.addressPresent(instance, i));
        }
        VrrpInstanceStatus status = new VrrpInstanceStatus(instance.state(), instance.wanted(),
                instance.basePriority(), instance.effectivePriority(),
                Duration.ofNanos(instance.masterAdvertIntervalMicros() * 1000),
                instance.masterAddress() == null ? null : instance.masterAddress().toString(), instance.masterPriority(),
                instance.primaryAddress() == null ? null : instance.primaryAddress().toString(), lastTransition,
                lastReason, transitions, transitionCounts(), instance.tracking().snapshots(), present, lastMasterReason,
                lastProtocolError);
        return new VrrpInstanceSnapshot(settings, status, stats.snapshot(), takeover.snapshot());
    }

    private List<TransitionCount> transitionCounts() {
        List<TransitionCount> out = new ArrayList<>(transitionCounts.size());
        transitionCounts.forEach((k, n) -> out.add(new TransitionCount(k.to(), k.reason(), n)));
        return out;
    }
}
