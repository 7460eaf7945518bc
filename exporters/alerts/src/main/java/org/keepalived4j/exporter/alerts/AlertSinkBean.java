package org.keepalived4j.exporter.alerts;

import java.util.function.Supplier;

/** An {@link AlertSinkMXBean} reading the delivery's status on each call. */
final class AlertSinkBean implements AlertSinkMXBean {

    private final Supplier<SinkStatus> status;

    AlertSinkBean(Supplier<SinkStatus> status) {
        this.status = status;
    }

    @Override
    public long getSent() {
        return status.get().sent();
    }

    @Override
    public long getFailed() {
        return status.get().failed();
    }

    @Override
    public long getRetried() {
        return status.get().retried();
    }

    @Override
    public long getDropped() {
        return status.get().dropped();
    }

    @Override
    public long getHeld() {
        return status.get().held();
    }

    @Override
    public int getQueued() {
        return status.get().queued();
    }

    @Override
    public long getSpoolBytes() {
        return status.get().spoolBytes();
    }

    @Override
    public double getOldestUndeliveredSeconds() {
        return status.get().oldestUndelivered().toMillis() / 1000.0;
    }

    @Override
    public String getLastError() {
        String e = status.get().lastError();
        return e == null ? "" : e;
    }
}
