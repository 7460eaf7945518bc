package org.keepalived4j.vrrp.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Encoding runs at every advertisement (10 ms intervals are allowed): it must not allocate. */
class VrrpCodecAllocationTest {

    private static final int CALLS = 20_000;

    @Test
    void encodingAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        VrrpCodec codec = new VrrpCodec();
        VrrpAddress source = VrrpAddress.parse("192.0.2.1");
        VrrpPacket v2 = VrrpPacket.advertisementV2(1, 100, VrrpPacket.AUTH_PASS, VrrpAuth.simplePassword("pw"), 1,
                List.of(VrrpAddress.parse("192.0.2.10"), VrrpAddress.parse("192.0.2.11")));
        VrrpPacket v3 = VrrpPacket.advertisementV3(IpFamily.IPV4, 2, 100, 1, List.of(VrrpAddress.parse("192.0.2.12")));
        ByteBuffer out = ByteBuffer.allocateDirect(128);
        encodeMany(codec, source, v2, v3, out); // load classes and resolve call sites first

        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        encodeMany(codec, source, v2, v3, out);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        // A single allocation per call would be at least 16 bytes * CALLS; allow for the
        // measurement itself.
        assertThat(allocated).isLessThan(CALLS);
    }

    private static void encodeMany(VrrpCodec codec, VrrpAddress source, VrrpPacket v2, VrrpPacket v3, ByteBuffer out) {
        for (int i = 0; i < CALLS; i++) {
            out.clear();
            codec.encodeIpv4(i % 2 == 0 ? v2 : v3, source, VrrpCodec.IPV4_MULTICAST_GROUP, 255, i & 0xffff,
                    VrrpChecksumMode.STANDARD, out);
        }
    }
}
