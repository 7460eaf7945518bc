package org.keepalived4j.vrrp.net;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Hand-built VRRP advertisements and a bounded wait for a socket, for integration tests. */
final class VrrpTestPackets {

    private VrrpTestPackets() {
    }

    /** A VRRPv2 advertisement (RFC 3768 5.1) with no authentication and a valid checksum. */
    static byte[] version2(int vrid, int priority, int intervalSeconds, InetAddress... addresses) {
        byte[] packet = new byte[16 + 4 * addresses.length];
        packet[0] = 0x21;
        packet[1] = (byte) vrid;
        packet[2] = (byte) priority;
        packet[3] = (byte) addresses.length;
        packet[5] = (byte) intervalSeconds;
        for (int i = 0; i < addresses.length; i++) {
            System.arraycopy(addresses[i].getAddress(), 0, packet, 8 + 4 * i, 4);
        }
        int checksum = checksum(packet, 0, packet.length, 0);
        packet[6] = (byte) (checksum >>> 8);
        packet[7] = (byte) checksum;
        return packet;
    }

    /** A VRRPv3 advertisement over IPv6 (RFC 5798 5.1) with checksum 0, for the kernel to fill in. */
    static byte[] version3Ipv6(int vrid, int priority, int intervalCentiseconds, InetAddress... addresses) {
        byte[] packet = new byte[8 + 16 * addresses.length];
        packet[0] = 0x31;
        packet[1] = (byte) vrid;
        packet[2] = (byte) priority;
        packet[3] = (byte) addresses.length;
        packet[4] = (byte) ((intervalCentiseconds >>> 8) & 0x0f);
        packet[5] = (byte) intervalCentiseconds;
        for (int i = 0; i < addresses.length; i++) {
            System.arraycopy(addresses[i].getAddress(), 0, packet, 8 + 16 * i, 16);
        }
        return packet;
    }

    /** Whether the VRRP checksum of an IPv6 message is right (pseudo-header of RFC 8200 8.1). */
    static boolean ipv6ChecksumValid(byte[] message, int length, InetAddress source, InetAddress destination) {
        byte[] pseudo = new byte[40];
        System.arraycopy(source.getAddress(), 0, pseudo, 0, 16);
        System.arraycopy(destination.getAddress(), 0, pseudo, 16, 16);
        pseudo[34] = (byte) (length >>> 8);
        pseudo[35] = (byte) length;
        pseudo[39] = 112;
        long sum = sum(pseudo, 0, 40) + sum(message, 0, length);
        return fold(sum) == 0xffff;
    }

    /** Waits up to {@code timeout} for a datagram and receives it; fails if none comes. */
    static void receive(RawVrrpSocket socket, byte[] buffer, ReceivedVrrpPacket into, Duration timeout)
            throws Exception {
        try (NativePoller poller = NativePoller.open()) {
            boolean[] ready = new boolean[1];
            poller.register(socket.fd(), (fd, failed) -> ready[0] = true);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!ready[0] && System.nanoTime() < deadline) {
                poller.poll(Math.max(0, deadline - System.nanoTime()));
            }
            if (!ready[0] || !socket.receive(buffer, 0, buffer.length, into)) {
                throw new AssertionError("no VRRP packet within " + timeout + " on " + socket);
            }
        }
    }

    /** Whether a datagram arrives within {@code timeout}. */
    static boolean arrives(RawVrrpSocket socket, Duration timeout) throws Exception {
        try (NativePoller poller = NativePoller.open()) {
            poller.register(socket.fd(), (fd, failed) -> { });
            return poller.poll(timeout.toNanos()) > 0;
        }
    }

    static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static int checksum(byte[] data, int offset, int length, long initial) {
        return (int) (~fold(initial + sum(data, offset, length)) & 0xffff);
    }

    private static long sum(byte[] data, int offset, int length) {
        long sum = 0;
        for (int i = 0; i + 1 < length; i += 2) {
            sum += ((data[offset + i] & 0xff) << 8) | (data[offset + i + 1] & 0xff);
        }
        if ((length & 1) != 0) {
            sum += (data[offset + length - 1] & 0xff) << 8;
        }
        return sum;
    }

    private static long fold(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return sum;
    }
}
