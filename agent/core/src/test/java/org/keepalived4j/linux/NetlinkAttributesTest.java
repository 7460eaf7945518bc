package org.keepalived4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class NetlinkAttributesTest {

    @Test
    void readsTypedValues() throws Exception {
        ByteBuffer region = ByteBuffer.allocate(64).order(ByteOrder.nativeOrder());
        region.putShort((short) 8).putShort((short) Rtnetlink.IFLA_MTU).putInt(1500);
        region.putShort((short) 5).putShort((short) Rtnetlink.IFLA_OPERSTATE).put((byte) 6).put(new byte[3]);
        region.putShort((short) 8).putShort((short) Rtnetlink.IFLA_IFNAME).put(new byte[] {'e', 't', 'h', 0});
        region.putShort((short) 8).putShort((short) Rtnetlink.IFA_LOCAL).put(new byte[] {10, 0, 0, 1});
        region.flip();

        NetlinkAttributes attributes = NetlinkAttributes.parse(region);

        assertThat(attributes.u32(Rtnetlink.IFLA_MTU, 0)).isEqualTo(1500);
        assertThat(attributes.u8(Rtnetlink.IFLA_OPERSTATE, 0)).isEqualTo(6);
        assertThat(attributes.string(Rtnetlink.IFLA_IFNAME)).isEqualTo("eth");
        assertThat(attributes.address(Rtnetlink.IFA_LOCAL)).isEqualTo(InetAddress.getByName("10.0.0.1"));
        assertThat(attributes.has(Rtnetlink.IFLA_LINK)).isFalse();
        assertThat(attributes.u32(Rtnetlink.IFLA_LINK, -1)).isEqualTo(-1);
        assertThat(attributes.nested(Rtnetlink.IFLA_LINKINFO).has(Rtnetlink.IFLA_INFO_KIND)).isFalse();
    }

    @Test
    void stopsAtAnAttributeLongerThanTheRegion() {
        ByteBuffer region = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
        region.putShort((short) 8).putShort((short) 1).putInt(42);
        region.putShort((short) 40).putShort((short) 2).putInt(43);
        region.flip();

        NetlinkAttributes attributes = NetlinkAttributes.parse(region);

        assertThat(attributes.u32(1, 0)).isEqualTo(42);
        assertThat(attributes.has(2)).isFalse();
    }
}
