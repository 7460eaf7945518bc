package org.keepalived4j.vrrp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.keepalived4j.linux.Sysctl;
import org.keepalived4j.vrrp.net.GratuitousArpSender;
import org.keepalived4j.vrrp.net.LinkLookup;
import org.keepalived4j.vrrp.net.NativeGratuitousArpSender;
import org.keepalived4j.vrrp.net.NativeNeighborAdvertSender;
import org.keepalived4j.vrrp.net.NativePoller;
import org.keepalived4j.vrrp.net.NeighborAdvertSender;
import org.keepalived4j.vrrp.net.NetlinkLinkLookup;
import org.keepalived4j.vrrp.net.NetlinkVipInstaller;
import org.keepalived4j.vrrp.net.NetlinkVmacManager;
import org.keepalived4j.vrrp.net.Poller;
import org.keepalived4j.vrrp.net.RawVrrpSocketFactory;
import org.keepalived4j.vrrp.net.VipInstaller;
import org.keepalived4j.vrrp.net.VmacManager;

/**
 * The kernel facilities the VRRP engine works through: one poller, raw sockets, rtnetlink for
 * addresses, links and VMACs, and the ARP / neighbour-advert senders. {@link #open()} opens
 * the real ones in the calling thread's network namespace.
 */
public record VrrpHost(Poller poller, RawVrrpSocketFactory sockets, VipInstaller vips, GratuitousArpSender arp,
        NeighborAdvertSender na, LinkLookup links, VmacManager vmacs, Sysctl sysctl) implements AutoCloseable {

    private static final Duration NETLINK_TIMEOUT = Duration.ofSeconds(2);

    public static VrrpHost open() throws IOException {
        Poller poller = NativePoller.open();
        try {
            return new VrrpHost(poller, RawVrrpSocketFactory.system(), NetlinkVipInstaller.open(NETLINK_TIMEOUT),
                    NativeGratuitousArpSender.open(), NativeNeighborAdvertSender.open(),
                    NetlinkLinkLookup.open(NETLINK_TIMEOUT), NetlinkVmacManager.open(NETLINK_TIMEOUT),
                    new Sysctl(Path.of("/proc/sys")));
        } catch (IOException | RuntimeException e) {
            poller.close();
            throw e;
        }
    }

    @Override
    public void close() {
        vmacs.close();
        links.close();
        na.close();
        arp.close();
        vips.close();
        poller.close();
    }
}
