package org.keepalived4j.config;

import java.util.Objects;

/**
 * What one {@code vrrp_instance} adds to the receive buffer of the VRRP socket it shares with
 * other instances, as keepalived counts it: its own {@code kernel_rx_buf_size}, else the
 * global {@code vrrp_rx_bufs_policy} (a size, or {@code vrrp_rx_bufs_multiplier} adverts or
 * MTUs). The socket asks the kernel for the sum over its instances; when that sum is 0 (the
 * default: nothing configured) keepalived4j sizes the buffer itself.
 *
 * @param kind where the number comes from
 * @param value bytes for {@link Kind#SIZE}, the multiplier for {@link Kind#ADVERT} and
 *     {@link Kind#MTU}, 0 for {@link Kind#NONE}
 */
public record RxBufferConfig(Kind kind, long value) {

    /** Where an instance's share of the buffer comes from. */
    public enum Kind {
        /** Nothing configured. */
        NONE,
        /** {@code kernel_rx_buf_size}, or {@code vrrp_rx_bufs_policy} with a size. */
        SIZE,
        /** {@code vrrp_rx_bufs_policy ADVERT}: multiplier times the length of the instance's advert. */
        ADVERT,
        /** {@code vrrp_rx_bufs_policy MTU}: multiplier times the MTU of its interface. */
        MTU
    }

    /** Nothing configured. */
    public static final RxBufferConfig NONE = new RxBufferConfig(Kind.NONE, 0);

    public RxBufferConfig {
        Objects.requireNonNull(kind, "kind");
        if (value < 0 || (kind == Kind.NONE && value != 0)) {
            throw new IllegalArgumentException("bad receive buffer value " + value + " for " + kind);
        }
    }

    /**
     * This instance's share in bytes.
     *
     * @param advertLength the length of the VRRP part of its adverts
     * @param mtu the MTU of the interface it receives on
     */
    public long bytes(int advertLength, int mtu) {
        return switch (kind) {
            case NONE -> 0;
            case SIZE -> value;
            case ADVERT -> value * advertLength;
            case MTU -> value * mtu;
        };
    }
}
