package org.keepalived4j.vrrp.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import org.keepalived4j.linux.NamespaceThread;
import org.keepalived4j.linux.NetnsLab;

/**
 * Two namespaces A and B joined by a veth ({@code ID a} / {@code ID b}) carrying 10.99.0.1/24,
 * 10.99.0.11/24 and fd00:99::1/64 on A, 10.99.0.2/24 and fd00:99::2/64 on B, with a thread
 * inside each namespace. Deleted by {@link #close()}.
 */
final class TwoNodeLab implements AutoCloseable {

    static final Duration NETLINK_TIMEOUT = Duration.ofSeconds(5);

    final NetnsLab lab;
    final String nsA;
    final String nsB;
    final String ifA;
    final String ifB;
    final NamespaceThread threadA;
    final NamespaceThread threadB;
    final LinkInfo linkA;
    final LinkInfo linkB;
    final Inet6Address linkLocalA;
    final Inet6Address linkLocalB;

    private TwoNodeLab(NetnsLab lab, NamespaceThread threadA, NamespaceThread threadB) throws Exception {
        this.lab = lab;
        this.nsA = threadA.namespace();
        this.nsB = threadB.namespace();
        this.ifA = lab.id() + "a";
        this.ifB = lab.id() + "b";
        this.threadA = threadA;
        this.threadB = threadB;
        this.linkA = threadA.call(() -> lookup(ifA));
        this.linkB = threadB.call(() -> lookup(ifB));
        this.linkLocalA = threadA.call(() -> linkLocal(linkA.index()));
        this.linkLocalB = threadB.call(() -> linkLocal(linkB.index()));
    }

    static TwoNodeLab create() throws Exception {
        NetnsLab lab = NetnsLab.create();
        NamespaceThread threadA = null;
        NamespaceThread threadB = null;
        try {
            String nsA = lab.namespace("A");
            String nsB = lab.namespace("B");
            String ifA = lab.id() + "a";
            String ifB = lab.id() + "b";
            lab.veth(nsA, ifA, nsB, ifB);
            NetnsLab.ip(nsA, "addr", "add", "10.99.0.1/24", "dev", ifA);
            NetnsLab.ip(nsA, "addr", "add", "10.99.0.11/24", "dev", ifA);
            NetnsLab.ip(nsA, "addr", "add", "fd00:99::1/64", "dev", ifA);
            NetnsLab.ip(nsB, "addr", "add", "10.99.0.2/24", "dev", ifB);
            NetnsLab.ip(nsB, "addr", "add", "fd00:99::2/64", "dev", ifB);
            threadA = NamespaceThread.enter(nsA);
            threadB = NamespaceThread.enter(nsB);
            return new TwoNodeLab(lab, threadA, threadB);
        } catch (Exception | Error e) {
            closeAll(threadA, threadB, lab);
            throw e;
        }
    }

    static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static Inet4Address ipv4(String text) {
        return (Inet4Address) address(text);
    }

    private static LinkInfo lookup(String name) throws Exception {
        try (NetlinkLinkLookup lookup = NetlinkLinkLookup.open(NETLINK_TIMEOUT)) {
            return lookup.byName(name).orElseThrow(() -> new AssertionError("no interface " + name));
        }
    }

    private static Inet6Address linkLocal(int index) throws Exception {
        try (NetlinkLinkLookup lookup = NetlinkLinkLookup.open(NETLINK_TIMEOUT)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                var address = lookup.linkLocalIpv6Address(index);
                if (address.isPresent()) {
                    return address.get();
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no IPv6 link-local address on #" + index);
        }
    }

    @Override
    public void close() {
        closeAll(threadA, threadB, lab);
    }

    private static void closeAll(NamespaceThread a, NamespaceThread b, NetnsLab lab) {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        lab.close();
    }
}
