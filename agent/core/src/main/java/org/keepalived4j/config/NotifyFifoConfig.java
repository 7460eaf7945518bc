package org.keepalived4j.config;

/**
 * A notify FIFO ({@code notify_fifo}, {@code vrrp_notify_fifo}, {@code lvs_notify_fifo}) and the
 * script that reads it ({@code *_notify_fifo_script}).
 *
 * @param path the FIFO's path
 * @param user the FIFO owner, or {@code null}
 * @param group the FIFO group, or {@code null}
 * @param script the script started to read the FIFO, or {@code null}
 * @param source where the FIFO line is ({@code file:line}), or {@code null} without one
 */
public record NotifyFifoConfig(String path, String user, String group, NotifyScript script, String source) {
}
