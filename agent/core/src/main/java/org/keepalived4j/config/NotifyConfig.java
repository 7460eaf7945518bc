package org.keepalived4j.config;

/**
 * The notify scripts of a VRRP instance or sync group; each is {@code null} when not configured.
 *
 * @param master {@code notify_master}
 * @param backup {@code notify_backup}
 * @param fault {@code notify_fault}
 * @param stop {@code notify_stop}
 * @param deleted {@code notify_deleted} (a script, or a bare keyword: {@code deletedWithoutScript})
 * @param deletedWithoutScript {@code notify_deleted} given without a script
 * @param any {@code notify}: run on every transition with type, name, state and priority appended
 * @param masterRxLowerPri {@code notify_master_rx_lower_pri}
 */
public record NotifyConfig(NotifyScript master, NotifyScript backup, NotifyScript fault, NotifyScript stop,
        NotifyScript deleted, boolean deletedWithoutScript, NotifyScript any, NotifyScript masterRxLowerPri) {

    public static final NotifyConfig NONE = new NotifyConfig(null, null, null, null, null, false, null, null);
}
