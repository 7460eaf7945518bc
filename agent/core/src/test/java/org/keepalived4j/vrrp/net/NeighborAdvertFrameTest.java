package org.keepalived4j.vrrp.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class NeighborAdvertFrameTest {

    @Test
    void matchesTheNeighborAdvertKeepalivedSends() throws Exception {
        // keepalived 2.2.7 announcing fd00:99::100 from 46:a3:50:00:7d:5d (IPv6 forwarding off),
        // captured with tcpdump -XX; the checksum 0x456b was verified by tcpdump
        byte[] expected = HexFormat.of().parseHex("6000000000203aff"
                + "fd000099000000000000000000000100" + "ff020000000000000000000000000001"
                + "8800456b20000000" + "fd000099000000000000000000000100" + "020146a350007d5d");
        byte[] frame = new byte[NeighborAdvertFrame.LENGTH];

        NeighborAdvertFrame.write(frame, MacAddress.parse("46:a3:50:00:7d:5d"),
                (Inet6Address) InetAddress.getByName("fd00:99::100"), false);

        assertThat(frame).isEqualTo(expected);
    }

    @Test
    void setsTheRouterFlagWithAValidChecksum() throws Exception {
        byte[] frame = new byte[NeighborAdvertFrame.LENGTH];

        NeighborAdvertFrame.write(frame, MacAddress.virtualRouter(52, true),
                (Inet6Address) InetAddress.getByName("fe80::52"), true);

        assertThat(frame[44] & 0xff).isEqualTo(0xa0);
        assertThat(onesComplementSum(frame)).isEqualTo(0xffff);
    }

    @Test
    void overwritesAPreviouslyUsedBuffer() throws Exception {
        byte[] reused = new byte[NeighborAdvertFrame.LENGTH];
        byte[] fresh = new byte[NeighborAdvertFrame.LENGTH];
        Inet6Address address = (Inet6Address) InetAddress.getByName("2001:db8::1");

        NeighborAdvertFrame.write(reused, MacAddress.parse("02:00:00:00:00:01"), address, true);
        NeighborAdvertFrame.write(reused, MacAddress.parse("02:00:00:00:00:02"), address, false);
        NeighborAdvertFrame.write(fresh, MacAddress.parse("02:00:00:00:00:02"), address, false);

        assertThat(reused).isEqualTo(fresh);
    }

    /** Sum over pseudo-header and ICMPv6 message; a correct checksum makes it 0xffff. */
    private static int onesComplementSum(byte[] packet) {
        long sum = 32 + 58;
        for (int i = 8; i < 40; i += 2) {
            sum += ((packet[i] & 0xff) << 8) | (packet[i + 1] & 0xff);
        }
        for (int i = 40; i < 72; i += 2) {
            sum += ((packet[i] & 0xff) << 8) | (packet[i + 1] & 0xff);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }
}
