package org.keepalived4j.exporter.alerts;

/** One alert sink's delivery, as JMX shows it ({@code keepalived:type=AlertSink,name=...}). */
public interface AlertSinkMXBean {

    /** Alerts delivered since the daemon started. */
    long getSent();

    /** Delivery attempts that failed. */
    long getFailed();

    /** Attempts repeated after a failure. */
    long getRetried();

    /** Alerts given up undelivered (over the spool's bounds, unreadable, refused by the disk). */
    long getDropped();

    /** Alerts the sink's routes held back: identical repeats, flap damping, rate limit (summed up in summaries). */
    long getHeld();

    /** Alerts waiting now, in the spool. */
    int getQueued();

    /** The spool's size on disk, in bytes. */
    long getSpoolBytes();

    /** How long the oldest waiting alert has waited, in seconds (0 when none waits). */
    double getOldestUndeliveredSeconds();

    /** What the last failed attempt said; empty after a success. */
    String getLastError();
}
