package org.keepalived4j.config;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * How a VRRP instance sends and receives advertisements.
 *
 * @param mcastSrcIp {@code mcast_src_ip}, or {@code null} for the interface's primary address
 * @param unicastSrcIp {@code unicast_src_ip}, or {@code null}
 * @param mcastDstIp {@code mcast_dst_ip}, or {@code null} for the global group (224.0.0.18 / ff02::12)
 * @param unicastPeers {@code unicast_peer}; empty means multicast
 * @param unicastTtl {@code unicast_ttl} (default 255)
 * @param unicastFaultNoPeer {@code unicast_fault_no_peer}
 * @param checkUnicastSrc {@code check_unicast_src} (also implied by min_ttl/max_ttl)
 * @param vmac {@code use_vmac}, or {@code null}
 * @param oldUnicastChecksum {@code old_unicast_checksum}: compute VRRPv3 IPv4 checksums without
 *        the pseudo-header, as keepalived before 1.3.6 did
 * @param trackSrcIp {@code track_src_ip}
 * @param rxBuffer the instance's share of its socket's receive buffer ({@code kernel_rx_buf_size},
 *        {@code vrrp_rx_bufs_policy})
 */
public record VrrpTransportConfig(InetAddress mcastSrcIp, InetAddress unicastSrcIp, InetAddress mcastDstIp,
        List<UnicastPeer> unicastPeers, int unicastTtl, boolean unicastFaultNoPeer, boolean checkUnicastSrc,
        VmacConfig vmac, boolean oldUnicastChecksum, boolean trackSrcIp, RxBufferConfig rxBuffer) {

    public VrrpTransportConfig {
        unicastPeers = List.copyOf(unicastPeers);
        Objects.requireNonNull(rxBuffer, "rxBuffer");
    }

    /**
     * Whether adverts go to unicast peers. Without peers keepalived 2.2.7 uses multicast even if
     * {@code unicast_src_ip} is set (unless {@code unicast_fault_no_peer}, which means FAULT).
     */
    public boolean unicast() {
        return !unicastPeers.isEmpty();
    }

    /** The address adverts are sent from, if one was configured. */
    public InetAddress sourceAddress() {
        return unicastSrcIp != null ? unicastSrcIp : mcastSrcIp;
    }
}
