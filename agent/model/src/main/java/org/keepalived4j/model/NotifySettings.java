package org.keepalived4j.model;

/**
 * The notify scripts of a VRRP instance or sync group ({@code notify_master} ... {@code notify}).
 * Each is {@code null} when not configured.
 *
 * @param master {@code notify_master}
 * @param backup {@code notify_backup}
 * @param fault {@code notify_fault}
 * @param stop {@code notify_stop}
 * @param deleted {@code notify_deleted SCRIPT}: run when a reload deletes the instance
 * @param deletedState {@code notify_deleted} (with or without a script): {@code notify} is told
 *        DELETED instead of STOP when a reload deletes the instance
 * @param any {@code notify}: run after the state's own script with four more arguments
 *        (INSTANCE|GROUP, name, state, priority)
 * @param masterRxLowerPri {@code notify_master_rx_lower_pri}: run when a MASTER receives an advert
 *        of lower priority
 */
public record NotifySettings(ScriptLine master, ScriptLine backup, ScriptLine fault, ScriptLine stop,
        ScriptLine deleted, boolean deletedState, ScriptLine any, ScriptLine masterRxLowerPri) {

    /** No notify script at all. */
    public static final NotifySettings NONE = new NotifySettings(null, null, null, null, null, false, null, null);

    /** Whether any script is configured. */
    public boolean anyConfigured() {
        return master != null || backup != null || fault != null || stop != null || deleted != null || any != null
                || masterRxLowerPri != null;
    }

    /** The state's own script ({@code notify_master} for MASTER...), or {@code null}. */
    public ScriptLine forState(VrrpState state) {
        return switch (state) {
            case MASTER -> master;
            case BACKUP -> backup;
            case FAULT -> fault;
            case STOP -> stop;
            default -> null;
        };
    }
}
