package org.keepalived4j.vrrp.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keepalived4j.linux.NetlinkAttributes;
import org.keepalived4j.linux.NetlinkMessage;
import org.keepalived4j.linux.NetlinkMessageWriter;
import org.keepalived4j.linux.NetlinkMessages;
import org.keepalived4j.linux.Rtnetlink;

class RouteMessagesTest {

    @Test
    void encodesAnIpv4VipWithBroadcastLabelAndScope() throws Exception {
        VipAddress vip = VipAddress.of(5, InetAddress.getByName("10.99.0.100"), 24)
                .withBroadcast(InetAddress.getByName("10.99.0.255")).withLabel("linuxy:v1")
                .withScope(AddressScope.HOST);

        NetlinkMessage message = write(vip);
        InstalledAddress decoded = RouteMessages.parseAddress(message);

        assertThat(message.payload().get(0)).isEqualTo((byte) Rtnetlink.AF_INET);
        assertThat(decoded).isEqualTo(new InstalledAddress(5, InetAddress.getByName("10.99.0.100"), 24, null,
                InetAddress.getByName("10.99.0.255"), "linuxy:v1", AddressScope.HOST, 0));
        assertThat(attributes(message).has(Rtnetlink.IFA_CACHEINFO)).isFalse();
    }

    @Test
    void encodesAnIpv6VipWithNodadAndPreferredLifetime() throws Exception {
        VipAddress vip = VipAddress.of(7, InetAddress.getByName("fe80::44a3:50ff:fe00:7d5d"), 64)
                .withScope(AddressScope.LINK).withPreferredLifetime(0);

        NetlinkMessage message = write(vip);
        ByteBuffer cacheInfo = attributes(message).raw(Rtnetlink.IFA_CACHEINFO);

        assertThat(message.payload().get(2)).isEqualTo((byte) Rtnetlink.IFA_F_NODAD);
        assertThat(cacheInfo.getInt(0)).as("preferred").isZero();
        assertThat(cacheInfo.getInt(4)).as("valid").isEqualTo(Rtnetlink.INFINITY_LIFE_TIME);
        assertThat(RouteMessages.parseAddress(message).noDad()).isTrue();
    }

    @Test
    void putsFlagsAboveEightBitsIntoIfaFlags() throws Exception {
        VipAddress vip = VipAddress.of(7, InetAddress.getByName("2001:db8::1"), 64)
                .withFlags(Set.of(VipFlag.NODAD, VipFlag.NO_PREFIX_ROUTE));

        NetlinkMessage message = write(vip);

        assertThat(attributes(message).u32(Rtnetlink.IFA_FLAGS, 0)).isEqualTo(0x202);
        assertThat(RouteMessages.parseAddress(message).flags()).isEqualTo(0x202);
    }

    @Test
    void decodesAPointToPointPeer() throws Exception {
        VipAddress vip = VipAddress.of(2, InetAddress.getByName("10.0.0.1"), 32)
                .withPeer(InetAddress.getByName("10.0.0.9"));

        InstalledAddress decoded = RouteMessages.parseAddress(write(vip));

        assertThat(decoded.address()).isEqualTo(InetAddress.getByName("10.0.0.1"));
        assertThat(decoded.peer()).isEqualTo(InetAddress.getByName("10.0.0.9"));
    }

    @Test
    void decodesALinkMessage() {
        NetlinkMessageWriter writer = new NetlinkMessageWriter(256);
        writer.begin(Rtnetlink.RTM_NEWLINK, 0, 0);
        RouteMessages.putLinkHeader(writer, 9, Rtnetlink.IFF_UP | Rtnetlink.IFF_RUNNING, 0);
        writer.attributeString(Rtnetlink.IFLA_IFNAME, "vrrp.51");
        writer.attribute(Rtnetlink.IFLA_ADDRESS, new byte[] {0, 0, 0x5e, 0, 1, 51});
        writer.attributeInt(Rtnetlink.IFLA_MTU, 1500);
        writer.attributeInt(Rtnetlink.IFLA_LINK, 5);
        writer.attributeByte(Rtnetlink.IFLA_OPERSTATE, LinkInfo.OPER_UP);
        int info = writer.beginNested(Rtnetlink.IFLA_LINKINFO);
        writer.attributeString(Rtnetlink.IFLA_INFO_KIND, "macvlan");
        writer.endNested(info);

        LinkInfo link = RouteMessages.parseLink(NetlinkMessages.split(writer.finish()).get(0));

        assertThat(link).isEqualTo(new LinkInfo(9, "vrrp.51", MacAddress.virtualRouter(51, false),
                Rtnetlink.IFF_UP | Rtnetlink.IFF_RUNNING, 1500, LinkInfo.OPER_UP, 5, "macvlan"));
        assertThat(link.usable()).isTrue();
        assertThat(link.lowerUp()).isFalse();
    }

    @Test
    void ignoresBridgePortNotifications() {
        NetlinkMessageWriter writer = new NetlinkMessageWriter(64);
        writer.begin(Rtnetlink.RTM_NEWLINK, 0, 0);
        writer.putByte(7).putByte(0).putShort(0).putInt(3).putInt(0).putInt(0);

        assertThat(RouteMessages.parseLink(NetlinkMessages.split(writer.finish()).get(0))).isNull();
    }

    private static NetlinkMessage write(VipAddress vip) {
        NetlinkMessageWriter writer = new NetlinkMessageWriter(256);
        writer.begin(Rtnetlink.RTM_NEWADDR, 0, 1);
        RouteMessages.putNewAddress(writer, vip);
        return NetlinkMessages.split(writer.finish()).get(0);
    }

    private static NetlinkAttributes attributes(NetlinkMessage message) {
        ByteBuffer payload = message.payload().duplicate().order(ByteOrder.nativeOrder());
        return NetlinkAttributes.afterHeader(payload, Rtnetlink.IFADDRMSG_SIZE);
    }
}
