package org.keepalived4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetlinkMessageWriterTest {

    @Test
    void writesTheSameNewAddressRequestAsIproute2() throws Exception {
        // ip addr add 10.99.0.50/24 brd 10.99.0.255 label linuxy:k dev #5 (attribute order as iproute2)
        NetlinkMessageWriter writer = new NetlinkMessageWriter(256);
        writer.begin(Rtnetlink.RTM_NEWADDR, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_EXCL
                | Netlink.NLM_F_CREATE, 77);
        writer.putByte(Rtnetlink.AF_INET).putByte(24).putByte(0).putByte(0).putInt(5);
        writer.attribute(Rtnetlink.IFA_LOCAL, InetAddress.getByName("10.99.0.50"));
        writer.attribute(Rtnetlink.IFA_BROADCAST, InetAddress.getByName("10.99.0.255"));
        writer.attributeString(Rtnetlink.IFA_LABEL, "linuxy:k");
        writer.attribute(Rtnetlink.IFA_ADDRESS, InetAddress.getByName("10.99.0.50"));

        ByteBuffer message = writer.finish();

        assertThat(message.remaining()).isEqualTo(64);
        assertThat(message.getInt(0)).isEqualTo(64);
        assertThat(message.getShort(4)).isEqualTo((short) Rtnetlink.RTM_NEWADDR);
        assertThat(message.getShort(6)).isEqualTo((short) 0x605);
        assertThat(message.getInt(8)).isEqualTo(77);
        assertThat(message.getShort(40)).as("label attribute length without padding").isEqualTo((short) 13);
        assertThat(bytes(message, 44, 9)).containsExactly((int) 'l', (int) 'i', (int) 'n', (int) 'u', (int) 'x', (int) 'y', (int) ':', (int) 'k', 0);
        assertThat(bytes(message, 53, 3)).as("padding").containsExactly(0, 0, 0);
        assertThat(message.getShort(56)).isEqualTo((short) 8);
        assertThat(message.getShort(58)).isEqualTo((short) Rtnetlink.IFA_ADDRESS);
    }

    @Test
    void nestedAttributeLengthCoversItsChildren() {
        NetlinkMessageWriter writer = new NetlinkMessageWriter(128);
        writer.begin(Rtnetlink.RTM_NEWLINK, Netlink.NLM_F_REQUEST, 1);
        int outer = writer.beginNested(Rtnetlink.IFLA_LINKINFO);
        writer.attributeString(Rtnetlink.IFLA_INFO_KIND, "macvlan");
        int inner = writer.beginNested(Rtnetlink.IFLA_INFO_DATA);
        writer.attributeInt(Rtnetlink.IFLA_MACVLAN_MODE, Rtnetlink.MACVLAN_MODE_PRIVATE);
        writer.endNested(inner);
        writer.endNested(outer);

        ByteBuffer message = writer.finish();
        ByteBuffer payload = message.duplicate().order(ByteOrder.nativeOrder()).position(16);
        NetlinkAttributes top = NetlinkAttributes.parse(payload.slice().order(ByteOrder.nativeOrder()));

        assertThat(message.getShort(16)).isEqualTo((short) (4 + 12 + 12));
        assertThat(message.getShort(18) & 0xffff).isEqualTo(Rtnetlink.IFLA_LINKINFO | Netlink.NLA_F_NESTED);
        assertThat(top.nested(Rtnetlink.IFLA_LINKINFO).string(Rtnetlink.IFLA_INFO_KIND)).isEqualTo("macvlan");
        assertThat(top.nested(Rtnetlink.IFLA_LINKINFO).nested(Rtnetlink.IFLA_INFO_DATA)
                .u32(Rtnetlink.IFLA_MACVLAN_MODE, -1)).isEqualTo(Rtnetlink.MACVLAN_MODE_PRIVATE);
    }

    @Test
    void beginStartsAFreshMessage() {
        NetlinkMessageWriter writer = new NetlinkMessageWriter(64);
        writer.begin(1, 0, 1).attributeInt(1, 1).attributeInt(2, 2);
        writer.finish();

        ByteBuffer second = writer.begin(Rtnetlink.RTM_GETLINK, Netlink.NLM_F_REQUEST, 9).finish();

        assertThat(second.remaining()).isEqualTo(16);
        assertThat(writer.sequence()).isEqualTo(9);
        assertThat(writer.type()).isEqualTo(Rtnetlink.RTM_GETLINK);
    }

    private static List<Integer> bytes(ByteBuffer buffer, int offset, int length) {
        Integer[] values = new Integer[length];
        for (int i = 0; i < length; i++) {
            values[i] = (int) buffer.get(offset + i);
        }
        return List.of(values);
    }
}
