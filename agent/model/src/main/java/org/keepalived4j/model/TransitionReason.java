package org.keepalived4j.model;

/** Why a VRRP instance or sync group changed state. */
public enum TransitionReason {
    /** The daemon started the instance (INIT to BACKUP, or straight to MASTER as address owner). */
    STARTUP("startup"),
    /** An advertisement with a lower priority (or an equal one from a lower address) let us preempt it. */
    PRIORITY("priority"),
    /** A higher-priority master appeared while we were MASTER, so we stepped down. */
    PREEMPTED("preempted"),
    /** No advertisement arrived within Master_Down_Interval. */
    MASTER_NO_RESPONSE("master no response"),
    /** The master sent a priority-0 advertisement (it is stopping) and we took over after skew time. */
    MASTER_RELEASED("master released"),
    /** A tracked interface, script, file or process failed, or the interface went down. */
    FAULT("fault"),
    /** Every fault cleared. */
    FAULT_CLEARED("fault cleared"),
    /** Another member of the instance's sync group moved, and the group moves together. */
    SYNC_GROUP("sync group"),
    /** The daemon is stopping. */
    SHUTDOWN("shutdown"),
    /** A reload removed the instance from the configuration. */
    REMOVED("removed by reload");

    private final String label;

    TransitionReason(String label) {
        this.label = label;
    }

    /** A short lower-case description, as used in logs, metric labels and alerts. */
    public String label() {
        return label;
    }
}
