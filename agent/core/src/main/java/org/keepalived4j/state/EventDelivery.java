package org.keepalived4j.state;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.keepalived4j.model.StateEvent;
import org.keepalived4j.model.StateListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to one listener, in order, on a thread of its own. The queue is unbounded
 * so that emitting never blocks; a listener that throws is logged and keeps receiving events.
 * Closing drains what is queued (for up to two seconds) and stops the thread.
 */
final class EventDelivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);
    private static final StateEvent[] NONE = new StateEvent[0];
    /** Queued last by {@link #close()}: everything before it is delivered, then the thread ends. */
    private static final StateEvent CLOSE = new org.keepalived4j.model.TopologyChanged("close", java.time.Instant.EPOCH);

    private final StateListener listener;
    private final Consumer<EventDelivery> onClose;
    private final LinkedBlockingQueue<StateEvent> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;

    EventDelivery(StateListener listener, Consumer<EventDelivery> onClose) {
        this.listener = listener;
        this.onClose = onClose;
        this.thread = new Thread(this::run, "events-" + listener.getClass().getSimpleName());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void offer(StateEvent event) {
        if (!closing) {
            queue.add(event);
        }
    }

    private void run() {
        while (true) {
            StateEvent event;
            try {
                event = queue.take();
            } catch (InterruptedException e) {
                break;
            }
            if (event == CLOSE) {
                break;
            }
            deliver(event);
        }
        if (!queue.isEmpty()) {
            LOG.warn("{} events not delivered to {} at shutdown", queue.toArray(NONE).length,
                    listener.getClass().getName());
        }
    }

    private void deliver(StateEvent event) {
        try {
            event.dispatchTo(listener);
        } catch (RuntimeException | Error e) {
            LOG.warn("listener {} failed on {}", listener.getClass().getName(), event.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        closing = true;
        onClose.accept(this);
        queue.add(CLOSE);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }
}
