package org.keepalived4j.exporter.snmp.agentx;

import java.util.ArrayDeque;
import org.keepalived4j.exporter.snmp.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifications waiting for snmpd, oldest first. Bounded: when full, the oldest is dropped,
 * counted, and logged at the 1st, 2nd, 4th, 8th... loss, so a long outage leaves a few lines
 * rather than one per trap. Thread-safe: any thread offers, the session's thread takes.
 */
final class NotificationQueue {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationQueue.class);

    private final int capacity;
    private final ArrayDeque<Notification> queue = new ArrayDeque<>();
    private long dropped;

    NotificationQueue(int capacity) {
        this.capacity = capacity;
    }

    synchronized void offer(Notification notification) {
        if (queue.size() == capacity) {
            queue.pollFirst();
            lose();
        }
        queue.addLast(notification);
    }

    /** The oldest notification, or {@code null}. */
    synchronized Notification poll() {
        return queue.pollFirst();
    }

    /**
     * Puts back a notification taken by {@link #poll} whose delivery was not confirmed. It is
     * older than everything queued, so a full queue drops it.
     */
    synchronized void putBack(Notification notification) {
        if (queue.size() == capacity) {
            lose();
        } else {
            queue.addFirst(notification);
        }
    }

    synchronized boolean isEmpty() {
        return queue.isEmpty();
    }

    synchronized int size() {
        return queue.size();
    }

    /** How many notifications were dropped since the queue was made. */
    synchronized long dropped() {
        return dropped;
    }

    private void lose() {
        dropped++;
        if (Long.bitCount(dropped) == 1) {
            LOG.warn("AgentX notification queue full ({} waiting for snmpd): dropped the oldest, {} lost so far",
                    capacity, dropped);
        }
    }
}
