package org.keepalived4j.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.vrrp.net.PollRegistration;
import org.keepalived4j.vrrp.net.Poller;
import org.keepalived4j.vrrp.net.RawVrrpSocket;
import org.keepalived4j.vrrp.net.ReadyHandler;
import org.keepalived4j.vrrp.net.ReceivedVrrpPacket;
import org.keepalived4j.vrrp.net.VrrpSocketOptions;
import org.keepalived4j.vrrp.packet.VrrpAddress;
import org.keepalived4j.vrrp.packet.VrrpCodec;

/**
 * A backup's receive path from the socket to the state machine: repeats of a master's advert are
 * recognised without decoding, processed as every other advert, and cost the loop thread no
 * allocation; anything that differs is decoded again.
 */
class ReceivePathTest {

    private static final long MS = 1_000_000L;
    private static final Clock WALL = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    /** Datagrams waiting on the fake socket, as the kernel would queue them. */
    private final ArrayDeque<byte[]> queued = new ArrayDeque<>();
    private final AtomicLong clock = new AtomicLong();
    private ReadyHandler handler;
    private SocketTable table;
    private VrrpInstance backup;

    @BeforeEach
    void setUp() throws Exception {
        Poller poller = new Poller() {
            @Override
            public PollRegistration register(int fd, ReadyHandler h) {
                handler = h;
                return new PollRegistration() {
                    @Override
                    public int fd() {
                        return fd;
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public int poll(long timeoutNanos) {
                return 0;
            }

            @Override
            public void wakeup() {
            }

            @Override
            public void close() {
            }
        };
        table = new SocketTable(poller, this::socket, new VrrpCodec(), clock::get);
        FakeInstanceIo io = new FakeInstanceIo();
        backup = new VrrpInstance(InstanceConfigs.instance().v3(20_000).priority(100).build(), io, io, WALL,
                VrrpAddress.parse("10.0.0.1"));
        table.acquire(VrrpSocketOptions.multicast(false, "eth0", 1, InetAddress.getByName("10.0.0.1")), backup,
                new SocketTable.RxShare(0, 50));
        backup.start(0);
    }

    private RawVrrpSocket socket(VrrpSocketOptions options) {
        byte[] source = new byte[4];
        byte[] destination = new byte[4];
        return new RawVrrpSocket() {
            @Override
            public int fd() {
                return 42;
            }

            @Override
            public VrrpSocketOptions options() {
                return options;
            }

            @Override
            public void joinGroup(InetAddress group) {
            }

            @Override
            public void leaveGroup(InetAddress group) {
            }

            @Override
            public void send(byte[] message, int offset, int length, InetAddress destination) {
            }

            @Override
            public boolean receive(byte[] buffer, int offset, int capacity, ReceivedVrrpPacket into) {
                byte[] next = queued.poll();
                if (next == null) {
                    return false;
                }
                System.arraycopy(next, 0, buffer, offset, next.length);
                System.arraycopy(next, 12, source, 0, 4);
                System.arraycopy(next, 16, destination, 0, 4);
                into.set(false, next.length, 20, source, destination, next[8] & 0xff, 1, false);
                return true;
            }

            @Override
            public void setReceiveBuffer(int bytes, boolean force) {
            }

            @Override
            public int receiveBuffer() {
                return 212_992;
            }

            @Override
            public void close() {
            }
        };
    }

    private static Adverts master() {
        return Adverts.from("10.0.0.2").vrid(51).priority(200).v3(2);
    }

    /** Delivers datagrams one poll turn apart, 20 ms each, as a master at 0.02 s would. */
    private void deliver(byte[]... datagrams) {
        for (byte[] d : datagrams) {
            clock.addAndGet(20 * MS);
            queued.add(d);
            handler.ready(42, false);
        }
    }

    @Test
    void repeatsAreRecognisedAcrossIpIdentificationsAndStillProcessed() {
        deliver(master().datagram(1), master().datagram(2), master().datagram(3), master().datagram(4));

        assertThat(table.repeatsNotDecoded()).isEqualTo(3);
        assertThat(backup.publisher().snapshot().counters().advertRcvd()).isEqualTo(4);
        assertThat(backup.state()).isEqualTo(VrrpState.BACKUP);
        assertThat(backup.masterPriority()).isEqualTo(200);
        assertThat(backup.nextDeadline()).as("each repeat restarts Master_Down_Interval")
                .isGreaterThan(clock.get());
    }

    @Test
    void whatDiffersIsDecodedAgain() {
        deliver(master().datagram(1), master().priority(150).datagram(2));
        assertThat(table.repeatsNotDecoded()).isZero();
        assertThat(backup.masterPriority()).isEqualTo(150);

        deliver(master().priority(150).ttl(254).datagram(3));
        assertThat(table.repeatsNotDecoded()).isZero();
        assertThat(backup.publisher().snapshot().counters().ipTtlErr())
                .as("a changed TTL is validated, not taken for a repeat").isEqualTo(1);

        deliver(Adverts.from("10.0.0.3").vrid(51).priority(150).v3(2).datagram(4));
        assertThat(table.repeatsNotDecoded()).as("another source").isZero();

        deliver(master().priority(150).datagram(5), master().priority(150).datagram(6));
        assertThat(table.repeatsNotDecoded()).isEqualTo(1);
    }

    @Test
    void anotherCodecDecodesAgainWhatTheMemoHeld() throws Exception {
        // keepalived's old unicast VRRPv3 checksum with vrrp_mcast_group4 224.0.0.19
        FakeInstanceIo io = new FakeInstanceIo();
        VrrpInstance unicast = new VrrpInstance(InstanceConfigs.instance().vrid(52).v3(20_000).priority(100)
                .unicastPeer("10.0.0.2").build(), io, io, WALL, VrrpAddress.parse("10.0.0.1"));
        table.acquire(VrrpSocketOptions.unicast(false, "eth0", 1, InetAddress.getByName("10.0.0.1")), unicast,
                new SocketTable.RxShare(0, 50));
        unicast.start(0);
        Adverts old = Adverts.from("10.0.0.2").vrid(52).priority(200).v3(2).to("10.0.0.1")
                .oldUnicastChecksum("224.0.0.19");

        deliver(old.datagram(1), old.datagram(2));
        assertThat(unicast.publisher().snapshot().counters().advertRcvd()).as("224.0.0.18 does not verify it")
                .isZero();

        table.codec(new VrrpCodec(VrrpAddress.parse("224.0.0.19")));
        deliver(old.datagram(3));
        assertThat(unicast.publisher().snapshot().counters().advertRcvd()).isEqualTo(1);
        assertThat(unicast.oldUnicastChecksum()).isTrue();
        assertThat(unicast.masterPriority()).isEqualTo(200);
    }

    @Test
    void otherVridsDoNotEvictTheMemoOfAnInstance() {
        deliver(master().datagram(1), master().vrid(52).datagram(2), master().datagram(3));
        assertThat(table.repeatsNotDecoded()).isEqualTo(1);
        assertThat(table.unknownVrid()).isEqualTo(1);
    }

    @Test
    void aBackupReceivingRepeatsAllocatesNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[][] datagrams = new byte[64][];
        for (int i = 0; i < datagrams.length; i++) {
            datagrams[i] = master().datagram(i + 1);
        }
        int adverts = 20_000;
        receive(datagrams, adverts); // warm up: classes loaded, call sites resolved, compiled

        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        receive(datagrams, adverts);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(backup.publisher().snapshot().counters().advertRcvd()).isEqualTo(2L * adverts);
        // one allocation per advert would be at least 16 bytes each; allow for the measurement
        assertThat(allocated).isLessThan(adverts);
    }

    private void receive(byte[][] datagrams, int adverts) {
        for (int i = 0; i < adverts; i++) {
            clock.addAndGet(20 * MS);
            queued.add(datagrams[i % datagrams.length]);
            handler.ready(42, false);
        }
    }
}
