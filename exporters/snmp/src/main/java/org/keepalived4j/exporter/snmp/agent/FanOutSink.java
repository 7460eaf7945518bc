package org.keepalived4j.exporter.snmp.agent;

import java.util.List;
import org.keepalived4j.exporter.snmp.Notification;
import org.keepalived4j.exporter.snmp.NotificationSink;

/** Every configured sink as one: each notification is queued on each of them, which returns at once. */
final class FanOutSink implements NotificationSink {

    private final List<? extends NotificationSink> sinks;

    FanOutSink(List<? extends NotificationSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    @Override
    public void send(Notification notification) {
        for (NotificationSink s : sinks) {
            s.send(notification);
        }
    }

    @Override
    public void close() {
        // in parallel would be quicker, but each close waits at most QueuedSink.DRAIN and there are few sinks
        for (NotificationSink s : sinks) {
            s.close();
        }
    }
}
