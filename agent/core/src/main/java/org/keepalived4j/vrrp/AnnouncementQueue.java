package org.keepalived4j.vrrp;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.vrrp.net.GratuitousArpSender;
import org.keepalived4j.vrrp.net.MacAddress;
import org.keepalived4j.vrrp.net.NeighborAdvertSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gratuitous ARPs and unsolicited neighbour advertisements waiting to be sent, paced per
 * interface by {@code vrrp_garp_interval} / {@code vrrp_gna_interval} (keepalived's
 * garp_delay): with an interval of 0 they all go at once. Loop thread only.
 */
final class AnnouncementQueue {

    private static final Logger LOG = LoggerFactory.getLogger(AnnouncementQueue.class);

    private record Announcement(int interfaceIndex, MacAddress mac, InetAddress address, boolean router) {
    }

    private static final class InterfaceQueue {
        final int interfaceIndex;
        final ArrayDeque<Announcement> pending = new ArrayDeque<>();
        long nextArpAt;
        long nextNaAt;

        InterfaceQueue(int interfaceIndex) {
            this.interfaceIndex = interfaceIndex;
        }
    }

    private final GratuitousArpSender arp;
    private final NeighborAdvertSender na;
    private long arpIntervalNanos;
    private long naIntervalNanos;
    /**
     * One queue per interface that ever announced (a handful): a list walked by index, because the
     * loop asks for what is due on every turn and a map's iterator would be an allocation each time.
     */
    private final List<InterfaceQueue> queues = new ArrayList<>();

    AnnouncementQueue(GratuitousArpSender arp, NeighborAdvertSender na, long arpIntervalMicros, long naIntervalMicros) {
        this.arp = arp;
        this.na = na;
        this.arpIntervalNanos = arpIntervalMicros * 1000;
        this.naIntervalNanos = naIntervalMicros * 1000;
    }

    /** {@code vrrp_garp_interval} / {@code vrrp_gna_interval} changed on a reload. */
    void intervals(long arpIntervalMicros, long naIntervalMicros) {
        this.arpIntervalNanos = arpIntervalMicros * 1000;
        this.naIntervalNanos = naIntervalMicros * 1000;
    }

    void add(int interfaceIndex, MacAddress mac, InetAddress address, boolean router) {
        InterfaceQueue q = queue(interfaceIndex);
        if (q == null) {
            q = new InterfaceQueue(interfaceIndex);
            queues.add(q);
        }
        q.pending.add(new Announcement(interfaceIndex, mac, address, router));
    }

    private InterfaceQueue queue(int interfaceIndex) {
        for (int i = 0; i < queues.size(); i++) {
            if (queues.get(i).interfaceIndex == interfaceIndex) {
                return queues.get(i);
            }
        }
        return null;
    }

    /** Sends everything due now; returns when the next one is due ({@link VrrpInstance#NEVER} if none). */
    long sendDue(long now) {
        long next = VrrpInstance.NEVER;
        for (int i = 0; i < queues.size(); i++) {
            InterfaceQueue q = queues.get(i);
            while (!q.pending.isEmpty()) {
                Announcement a = q.pending.peek();
                boolean v6 = a.address() instanceof Inet6Address;
                long dueAt = v6 ? q.nextNaAt : q.nextArpAt;
                if (dueAt > now) {
                    next = Math.min(next, dueAt);
                    break;
                }
                q.pending.poll();
                send(a);
                if (v6) {
                    q.nextNaAt = now + naIntervalNanos;
                } else {
                    q.nextArpAt = now + arpIntervalNanos;
                }
            }
        }
        return next;
    }

    /** Drops what is queued for an interface (its instance left MASTER). */
    void cancel(int interfaceIndex, InetAddress address) {
        InterfaceQueue q = queue(interfaceIndex);
        if (q != null) {
            q.pending.removeIf(a -> a.address().equals(address));
        }
    }

    private void send(Announcement a) {
        try {
            if (a.address() instanceof Inet6Address v6) {
                na.send(a.interfaceIndex(), a.mac(), v6, a.router());
            } else {
                arp.send(a.interfaceIndex(), a.mac(), (Inet4Address) a.address());
            }
        } catch (java.io.IOException e) {
            LOG.warn("could not announce {} on interface {}: {}", a.address().getHostAddress(), a.interfaceIndex(),
                    e.getMessage());
        }
    }
}
