package org.keepalived4j.model;

/**
 * A notify FIFO of global_defs ({@code notify_fifo}, {@code vrrp_notify_fifo} or
 * {@code lvs_notify_fifo}) with the script that reads it ({@code *_notify_fifo_script}).
 *
 * @param keyword which FIFO: {@code notify_fifo} (VRRP and LVS lines), {@code vrrp_notify_fifo}
 *        (VRRP lines) or {@code lvs_notify_fifo} (real and virtual server lines)
 * @param path the FIFO's path
 * @param user who owns the FIFO when the daemon creates it: the user the line names, else
 *        {@code script_user}; {@code null} for the daemon's own user
 * @param group the FIFO's group when the daemon creates it, or {@code null} for {@code user}'s group
 * @param script the reader the daemon starts with the FIFO's path as a last argument and stops at
 *        its own stop, its user already resolved (its own, else {@code script_user}); {@code null}
 *        when none is configured or script security disabled it
 * @param source where the FIFO line is ({@code file:line})
 */
public record NotifyFifoSettings(String keyword, String path, String user, String group, ScriptLine script,
        String source) {
}
