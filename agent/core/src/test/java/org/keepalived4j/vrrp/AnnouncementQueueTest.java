package org.keepalived4j.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalived4j.vrrp.net.GratuitousArpSender;
import org.keepalived4j.vrrp.net.MacAddress;
import org.keepalived4j.vrrp.net.NeighborAdvertSender;

/** Pacing of gratuitous ARPs and NAs per interface, with a fake clock. */
class AnnouncementQueueTest {

    private static final long MS = 1_000_000L;
    private static final MacAddress MAC = MacAddress.parse("02:00:00:00:00:01");

    private final List<String> sent = new ArrayList<>();
    private final GratuitousArpSender arp = new GratuitousArpSender() {
        @Override
        public void send(int interfaceIndex, MacAddress senderMac, Inet4Address address) {
            sent.add("arp " + interfaceIndex + " " + address.getHostAddress());
        }

        @Override
        public void close() {
        }
    };
    private final NeighborAdvertSender na = new NeighborAdvertSender() {
        @Override
        public void send(int interfaceIndex, MacAddress senderMac, Inet6Address address, boolean router) {
            sent.add("na " + interfaceIndex + " " + address.getHostAddress());
        }

        @Override
        public void close() {
        }
    };

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void nothingQueuedIsNeverDue() {
        AnnouncementQueue q = new AnnouncementQueue(arp, na, 10_000, 10_000);
        assertThat(q.sendDue(0)).isEqualTo(VrrpInstance.NEVER);
        assertThat(sent).isEmpty();
    }

    @Test
    void eachInterfaceIsPacedOnItsOwn() throws Exception {
        AnnouncementQueue q = new AnnouncementQueue(arp, na, 10_000, 20_000);
        q.add(1, MAC, ip("10.0.0.1"), false);
        q.add(1, MAC, ip("10.0.0.2"), false);
        q.add(2, MAC, ip("10.0.1.1"), false);
        q.add(2, MAC, ip("10.0.1.2"), false);

        assertThat(q.sendDue(0)).isEqualTo(10 * MS);
        assertThat(sent).containsExactly("arp 1 10.0.0.1", "arp 2 10.0.1.1");
        assertThat(q.sendDue(9 * MS)).isEqualTo(10 * MS);
        assertThat(q.sendDue(10 * MS)).isEqualTo(VrrpInstance.NEVER);
        assertThat(sent).containsExactly("arp 1 10.0.0.1", "arp 2 10.0.1.1", "arp 1 10.0.0.2", "arp 2 10.0.1.2");
    }

    @Test
    void cancelledAnnouncementsAreNotSent() throws Exception {
        AnnouncementQueue q = new AnnouncementQueue(arp, na, 10_000, 10_000);
        q.add(1, MAC, ip("10.0.0.1"), false);
        q.add(1, MAC, ip("10.0.0.2"), false);
        q.add(1, MAC, ip("10.0.0.2"), false);
        q.sendDue(0);
        q.cancel(1, ip("10.0.0.2"));
        q.cancel(3, ip("10.0.0.2"));
        assertThat(q.sendDue(10 * MS)).isEqualTo(VrrpInstance.NEVER);
        assertThat(sent).containsExactly("arp 1 10.0.0.1");
    }
}
