package org.keepalived4j.model;

/**
 * The state of a VRRP instance or sync group, as RFC 3768/5798 and keepalived name them.
 *
 * <p>{@link #code()} is the number keepalived uses in its JSON dump, its SNMP tables and the
 * common Prometheus exporter ({@code keepalived_vrrp_state}): 0 INIT, 1 BACKUP, 2 MASTER,
 * 3 FAULT. {@link #STOP} is the transient state of an instance that is shutting down; it is
 * reported as 4 (the MIB's {@code unknown}).
 */
public enum VrrpState {
    INIT(0),
    BACKUP(1),
    MASTER(2),
    FAULT(3),
    STOP(4);

    private final int code;

    VrrpState(int code) {
        this.code = code;
    }

    /** keepalived's numeric code for this state (0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT, 4 STOP). */
    public int code() {
        return code;
    }
}
