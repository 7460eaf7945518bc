package org.keepalived4j.vrrp.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keepalived4j.vrrp.net.TwoNodeLab.address;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keepalived4j.linux.SyscallException;

class RawVrrpSocketIT {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static TwoNodeLab lab;

    private final byte[] buffer = new byte[2048];
    private final ReceivedVrrpPacket received = new ReceivedVrrpPacket();

    @BeforeAll
    static void createNamespaces() throws Exception {
        lab = TwoNodeLab.create();
    }

    @AfterAll
    static void deleteNamespaces() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void ipv4MulticastArrivesWithTtl255FromTheSourceAddress() throws Exception {
        byte[] advert = VrrpTestPackets.version2(51, 100, 1, address("10.99.0.100"));
        try (RawVrrpSocket sender = openA(VrrpSocketOptions.multicast(false, lab.ifA, lab.linkA.index(),
                address("10.99.0.1"))); RawVrrpSocket receiver = openB(VrrpSocketOptions.multicast(false,
                        lab.ifB, lab.linkB.index(), address("10.99.0.2")))) {
            lab.threadA.run(() -> sender.send(advert, 0, advert.length, VrrpSocketOptions.IPV4_GROUP));

            VrrpTestPackets.receive(receiver, buffer, received, WAIT);

            assertThat(received.ipv6()).isFalse();
            assertThat(received.source()).isEqualTo(address("10.99.0.1"));
            assertThat(received.destination()).isEqualTo(address("224.0.0.18"));
            assertThat(received.hopLimit()).isEqualTo(255);
            assertThat(received.interfaceIndex()).isEqualTo(lab.linkB.index());
            assertThat(received.payloadOffset()).isEqualTo(20);
            assertThat(received.length()).isEqualTo(20 + advert.length);
            assertThat(buffer[9]).as("IP protocol").isEqualTo((byte) 112);
            assertThat(buffer[1] & 0xff).as("TOS: internetwork control").isEqualTo(0xc0);
            assertThat(buffer[6] & 0x40).as("DF bit, which keepalived does not set").isZero();
            assertThat(Arrays.copyOfRange(buffer, 20, 20 + advert.length)).isEqualTo(advert);
        }
    }

    @Test
    void sendsFromTheConfiguredSecondaryAddress() throws Exception {
        byte[] advert = VrrpTestPackets.version2(52, 100, 1, address("10.99.0.100"));
        try (RawVrrpSocket sender = openA(VrrpSocketOptions.multicast(false, lab.ifA, lab.linkA.index(),
                address("10.99.0.11"))); RawVrrpSocket receiver = openB(VrrpSocketOptions.multicast(false,
                        lab.ifB, lab.linkB.index(), null))) {
            lab.threadA.run(() -> sender.send(advert, 0, advert.length, VrrpSocketOptions.IPV4_GROUP));

            VrrpTestPackets.receive(receiver, buffer, received, WAIT);

            assertThat(received.source()).isEqualTo(address("10.99.0.11"));
        }
    }

    @Test
    void doesNotLoopOwnMulticastBackToTheSendingHost() throws Exception {
        byte[] advert = VrrpTestPackets.version2(53, 100, 1, address("10.99.0.100"));
        VrrpSocketOptions optionsA = VrrpSocketOptions.multicast(false, lab.ifA, lab.linkA.index(), null);
        try (RawVrrpSocket sender = openA(optionsA); RawVrrpSocket neighbour = openA(optionsA);
                RawVrrpSocket receiver = openB(VrrpSocketOptions.multicast(false, lab.ifB, lab.linkB.index(),
                        null))) {
            lab.threadA.run(() -> sender.send(advert, 0, advert.length, VrrpSocketOptions.IPV4_GROUP));
            VrrpTestPackets.receive(receiver, buffer, received, WAIT);

            assertThat(neighbour.receive(buffer, 0, buffer.length, received)).isFalse();
            assertThat(sender.receive(buffer, 0, buffer.length, received)).isFalse();
        }
    }

    @Test
    void ipv6MulticastArrivesWithHopLimit255AndAKernelChecksum() throws Exception {
        byte[] advert = VrrpTestPackets.version3Ipv6(61, 100, 100, address("fd00:99::100"));
        try (RawVrrpSocket sender = openA(VrrpSocketOptions.multicast(true, lab.ifA, lab.linkA.index(),
                lab.linkLocalA)); RawVrrpSocket receiver = openB(VrrpSocketOptions.multicast(true, lab.ifB,
                        lab.linkB.index(), lab.linkLocalB))) {
            lab.threadA.run(() -> sender.send(advert, 0, advert.length, VrrpSocketOptions.IPV6_GROUP));

            VrrpTestPackets.receive(receiver, buffer, received, WAIT);

            assertThat(received.ipv6()).isTrue();
            assertThat(received.source()).isEqualTo(lab.linkLocalA);
            assertThat(received.destination()).isEqualTo(address("ff02::12"));
            assertThat(received.hopLimit()).isEqualTo(255);
            assertThat(received.interfaceIndex()).isEqualTo(lab.linkB.index());
            assertThat(received.payloadOffset()).isZero();
            assertThat(received.length()).isEqualTo(advert.length);
            assertThat(Arrays.copyOfRange(buffer, 8, advert.length)).isEqualTo(Arrays.copyOfRange(advert, 8,
                    advert.length));
            assertThat(buffer[6] | buffer[7]).as("checksum filled in").isNotZero();
            assertThat(VrrpTestPackets.ipv6ChecksumValid(buffer, received.length(), received.source(),
                    received.destination())).isTrue();
        }
    }

    @Test
    void ipv4UnicastReachesThePeerWithTheConfiguredTtl() throws Exception {
        byte[] advert = VrrpTestPackets.version2(54, 100, 1, address("10.99.0.100"));
        try (RawVrrpSocket sender = openA(VrrpSocketOptions.unicast(false, lab.ifA, lab.linkA.index(),
                address("10.99.0.1")).withUnicastHops(7)); RawVrrpSocket receiver = openB(
                        VrrpSocketOptions.unicast(false, lab.ifB, lab.linkB.index(), address("10.99.0.2")))) {
            lab.threadA.run(() -> sender.send(advert, 0, advert.length, address("10.99.0.2")));

            VrrpTestPackets.receive(receiver, buffer, received, WAIT);

            assertThat(received.source()).isEqualTo(address("10.99.0.1"));
            assertThat(received.destination()).isEqualTo(address("10.99.0.2"));
            assertThat(received.hopLimit()).isEqualTo(7);
        }
    }

    @Test
    void unicastSocketIgnoresMulticastAdverts() throws Exception {
        byte[] advert = VrrpTestPackets.version2(55, 100, 1, address("10.99.0.100"));
        try (RawVrrpSocket sender = openA(VrrpSocketOptions.multicast(false, lab.ifA, lab.linkA.index(), null));
                RawVrrpSocket group = openB(VrrpSocketOptions.multicast(false, lab.ifB, lab.linkB.index(), null));
                RawVrrpSocket unicast = openB(VrrpSocketOptions.unicast(false, lab.ifB, lab.linkB.index(),
                        address("10.99.0.2")))) {
            lab.threadA.run(() -> sender.send(advert, 0, advert.length, VrrpSocketOptions.IPV4_GROUP));
            VrrpTestPackets.receive(group, buffer, received, WAIT);

            assertThat(unicast.receive(buffer, 0, buffer.length, received)).isFalse();
        }
    }

    @Test
    void ipv6UnicastReachesALinkLocalPeer() throws Exception {
        byte[] advert = VrrpTestPackets.version3Ipv6(62, 100, 100, address("fd00:99::100"));
        try (RawVrrpSocket sender = openA(VrrpSocketOptions.unicast(true, lab.ifA, lab.linkA.index(),
                lab.linkLocalA)); RawVrrpSocket receiver = openB(VrrpSocketOptions.unicast(true, lab.ifB,
                        lab.linkB.index(), lab.linkLocalB))) {
            lab.threadA.run(() -> sender.send(advert, 0, advert.length, lab.linkLocalB));

            VrrpTestPackets.receive(receiver, buffer, received, WAIT);

            assertThat(received.source()).isEqualTo(lab.linkLocalA);
            assertThat(received.destination()).isEqualTo(lab.linkLocalB);
            assertThat(received.hopLimit()).isEqualTo(255);
            assertThat(VrrpTestPackets.ipv6ChecksumValid(buffer, received.length(), received.source(),
                    received.destination())).isTrue();
        }
    }

    @Test
    void carriesAuthenticationHeaderMessagesAsProtocol51() throws Exception {
        byte[] message = new byte[44];
        message[0] = 112;
        message[1] = 4;
        try (RawVrrpSocket sender = openA(VrrpSocketOptions.multicast(false, lab.ifA, lab.linkA.index(), null)
                .withAuthenticationHeader()); RawVrrpSocket receiver = openB(VrrpSocketOptions.multicast(false,
                        lab.ifB, lab.linkB.index(), null).withAuthenticationHeader())) {
            lab.threadA.run(() -> sender.send(message, 0, message.length, VrrpSocketOptions.IPV4_GROUP));

            VrrpTestPackets.receive(receiver, buffer, received, WAIT);

            assertThat(buffer[9]).as("IP protocol").isEqualTo((byte) 51);
            assertThat(received.hopLimit()).isEqualTo(255);
            assertThat(Arrays.copyOfRange(buffer, 20, 20 + message.length)).isEqualTo(message);
        }
    }

    @Test
    void receiveReturnsAtOnceWhenNothingIsQueued() throws Exception {
        try (RawVrrpSocket socket = openB(VrrpSocketOptions.multicast(false, lab.ifB, lab.linkB.index(), null))) {
            long start = System.nanoTime();

            assertThat(socket.receive(buffer, 0, buffer.length, received)).isFalse();
            assertThat(VrrpTestPackets.elapsedMillis(start)).isLessThan(500);
        }
    }

    @Test
    void failsWithTheErrnoAndClosesTheSocketForAnUnknownInterface() throws Exception {
        long before = openDescriptors();

        assertThatThrownBy(() -> openA(VrrpSocketOptions.multicast(false, "nosuch0", 99, null)))
                .isInstanceOfSatisfying(SyscallException.class, e -> {
                    assertThat(e.call()).isEqualTo("setsockopt(SO_BINDTODEVICE)");
                    assertThat(e.errnoName()).isEqualTo("ENODEV");
                });
        assertThat(openDescriptors()).isEqualTo(before);
    }

    @Test
    void sendsAndReceivesWithoutAllocating() throws Exception {
        byte[] advert = VrrpTestPackets.version2(56, 100, 1, address("10.99.0.100"));
        try (RawVrrpSocket sender = openA(VrrpSocketOptions.multicast(false, lab.ifA, lab.linkA.index(),
                address("10.99.0.1"))); RawVrrpSocket receiver = openB(VrrpSocketOptions.multicast(false,
                        lab.ifB, lab.linkB.index(), null))) {
            long allocated = allocatedBy(() -> {
                sender.send(advert, 0, advert.length, VrrpSocketOptions.IPV4_GROUP);
                long deadline = System.nanoTime() + 1_000_000_000L;
                while (!receiver.receive(buffer, 0, buffer.length, received)) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("advert lost");
                    }
                    Thread.onSpinWait();
                }
            });

            assertThat(allocated).as("bytes allocated by 1,000 sends and receives").isLessThan(1024);
        }
    }

    /** Runs {@code action} 3,000 times to warm up, then measures 1,000 more runs. */
    private static long allocatedBy(ThrowingAction action) throws Exception {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 3000; i++) {
            action.run();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1000; i++) {
            action.run();
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private static long openDescriptors() throws Exception {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    void receiveBufferIsCappedByRmemMaxUnlessForced() throws Exception {
        // Files.readString truncates numeric sysctl files to their first byte
        int rmemMax = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/core/rmem_max")).get(0).trim());
        try (RawVrrpSocket socket = openB(VrrpSocketOptions.multicast(false, lab.ifB, lab.linkB.index(),
                address("10.99.0.2")))) {
            int wanted = rmemMax + (1 << 20);
            socket.setReceiveBuffer(wanted, false);
            assertThat(socket.receiveBuffer()).as("SO_RCVBUF: doubled, capped at rmem_max").isEqualTo(rmemMax * 2);
            // the tests run as root (CAP_NET_ADMIN), so SO_RCVBUFFORCE passes the cap
            socket.setReceiveBuffer(wanted, true);
            assertThat(socket.receiveBuffer()).isEqualTo(wanted * 2);
            socket.setReceiveBuffer(100_000, false);
            assertThat(socket.receiveBuffer()).isEqualTo(200_000);
        }
    }

    private static RawVrrpSocket openA(VrrpSocketOptions options) throws Exception {
        return lab.threadA.call(() -> NativeRawVrrpSocket.open(options));
    }

    private static RawVrrpSocket openB(VrrpSocketOptions options) throws Exception {
        return lab.threadB.call(() -> NativeRawVrrpSocket.open(options));
    }

    @FunctionalInterface
    private interface ThrowingAction {
        void run() throws Exception;
    }
}
