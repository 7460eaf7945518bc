package org.keepalived4j.vrrp.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class GratuitousArpFrameTest {

    @Test
    void matchesTheGratuitousArpKeepalivedSends() throws Exception {
        // keepalived 2.2.7 announcing 10.99.0.100 from 46:a3:50:00:7d:5d, captured with tcpdump -XX
        byte[] expected = HexFormat.of().parseHex("0001080006040001" + "46a350007d5d" + "0a630064"
                + "ffffffffffff" + "0a630064");
        byte[] frame = new byte[GratuitousArpFrame.LENGTH];

        GratuitousArpFrame.write(frame, MacAddress.parse("46:a3:50:00:7d:5d"),
                (Inet4Address) InetAddress.getByName("10.99.0.100"));

        assertThat(frame).isEqualTo(expected);
    }

    @Test
    void carriesTheVirtualMacAsSenderWithUseVmac() throws Exception {
        byte[] frame = new byte[GratuitousArpFrame.LENGTH];

        GratuitousArpFrame.write(frame, MacAddress.virtualRouter(51, false),
                (Inet4Address) InetAddress.getByName("192.0.2.7"));

        assertThat(HexFormat.of().formatHex(frame, 8, 14)).isEqualTo("00005e000133");
        assertThat(HexFormat.of().formatHex(frame, 14, 18)).isEqualTo("c0000207");
        assertThat(HexFormat.of().formatHex(frame, 24, 28)).isEqualTo("c0000207");
    }
}
