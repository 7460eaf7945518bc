package org.keepalived4j.model;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * An in-memory {@link StateView} for tests: the test sets the current snapshot and emits
 * events, which are delivered to each subscriber on a thread of its own, in order, as the
 * daemon does.
 */
public final class FakeStateView implements StateView {

    private final AtomicReference<StateSnapshot> current;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    public FakeStateView(StateSnapshot initial) {
        this.current = new AtomicReference<>(initial);
    }

    @Override
    public StateSnapshot current() {
        return current.get();
    }

    /** Publishes a new snapshot (before emitting the events that describe it). */
    public void set(StateSnapshot snapshot) {
        current.set(snapshot);
    }

    /** Publishes a snapshot derived from the current one. */
    public void update(UnaryOperator<StateSnapshot> change) {
        current.updateAndGet(change);
    }

    /** Delivers an event to every subscriber, each on its own thread. */
    public void emit(StateEvent event) {
        for (Subscription s : subscriptions) {
            s.executor.execute(() -> event.dispatchTo(s.listener));
        }
    }

    /** Publishes a snapshot, then emits the event describing the change. */
    public void publish(StateSnapshot snapshot, StateEvent event) {
        set(snapshot);
        emit(event);
    }

    /** How many listeners are subscribed now. */
    public int subscriberCount() {
        return subscriptions.size();
    }

    @Override
    public AutoCloseable subscribe(StateListener listener) {
        Subscription s = new Subscription(listener, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fake-state-events");
            t.setDaemon(true);
            return t;
        }));
        subscriptions.add(s);
        return () -> {
            subscriptions.remove(s);
            s.executor.shutdown();
            s.executor.awaitTermination(5, TimeUnit.SECONDS);
        };
    }

    private record Subscription(StateListener listener, ExecutorService executor) {
    }
}
