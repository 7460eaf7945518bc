package org.keepalived4j.vrrp.net;

import static org.keepalived4j.linux.Rtnetlink.*;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.keepalived4j.linux.NetlinkAttributes;
import org.keepalived4j.linux.NetlinkMessage;
import org.keepalived4j.linux.NetlinkMessageWriter;

/** Encodes and decodes the rtnetlink link and address messages this package uses. */
final class RouteMessages {

    private static final int AF_BRIDGE = 7;

    private RouteMessages() {
    }

    /** Appends an {@code ifinfomsg}. */
    static void putLinkHeader(NetlinkMessageWriter writer, int index, int flags, int change) {
        writer.putByte(AF_UNSPEC).putByte(0).putShort(0).putInt(index).putInt(flags).putInt(change);
    }

    /** Appends an {@code ifaddrmsg}. */
    static void putAddressHeader(NetlinkMessageWriter writer, int family, int prefixLength, int flags,
            int scope, int index) {
        writer.putByte(family).putByte(prefixLength).putByte(flags & 0xff).putByte(scope).putInt(index);
    }

    /** The body of an RTM_NEWADDR for {@code vip}, as {@code ip addr add} would send it. */
    static void putNewAddress(NetlinkMessageWriter writer, VipAddress vip) {
        int flags = vip.flagBits();
        putAddressHeader(writer, family(vip.address()), vip.prefixLength(), flags, vip.scope().value(),
                vip.interfaceIndex());
        writer.attribute(IFA_LOCAL, vip.address());
        writer.attribute(IFA_ADDRESS, vip.peer() != null ? vip.peer() : vip.address());
        if (vip.broadcast() != null) {
            writer.attribute(IFA_BROADCAST, vip.broadcast());
        }
        if (vip.label() != null) {
            writer.attributeString(IFA_LABEL, vip.label());
        }
        if (flags > 0xff) {
            writer.attributeInt(IFA_FLAGS, flags);
        }
        if (vip.preferredLifetime() != VipAddress.FOREVER) {
            putCacheInfo(writer, (int) vip.preferredLifetime(), INFINITY_LIFE_TIME);
        }
    }

    /** The body of an RTM_DELADDR for {@code vip}. */
    static void putDeleteAddress(NetlinkMessageWriter writer, VipAddress vip) {
        putAddressHeader(writer, family(vip.address()), vip.prefixLength(), 0, 0, vip.interfaceIndex());
        writer.attribute(IFA_LOCAL, vip.address());
        writer.attribute(IFA_ADDRESS, vip.peer() != null ? vip.peer() : vip.address());
    }

    /** IFA_CACHEINFO: preferred and valid lifetimes (seconds), then two timestamps the kernel fills. */
    static void putCacheInfo(NetlinkMessageWriter writer, int preferred, int valid) {
        ByteBuffer info = ByteBuffer.allocate(16).order(java.nio.ByteOrder.nativeOrder());
        info.putInt(preferred).putInt(valid).putInt(0).putInt(0);
        writer.attribute(IFA_CACHEINFO, info.array());
    }

    /** Decodes an RTM_NEWADDR / RTM_DELADDR, or null when it carries no usable address. */
    static InstalledAddress parseAddress(NetlinkMessage message) {
        ByteBuffer payload = message.payload();
        if (payload.remaining() < IFADDRMSG_SIZE) {
            return null;
        }
        NetlinkAttributes attributes = NetlinkAttributes.afterHeader(payload, IFADDRMSG_SIZE);
        InetAddress local = attributes.address(IFA_LOCAL);
        InetAddress address = attributes.address(IFA_ADDRESS);
        InetAddress own = local != null ? local : address;
        if (own == null) {
            return null;
        }
        InetAddress peer = local != null && address != null && !address.equals(local) ? address : null;
        int flags = attributes.u32(IFA_FLAGS, payload.get(2) & 0xff);
        return new InstalledAddress(payload.getInt(4), own, payload.get(1) & 0xff, peer,
                attributes.address(IFA_BROADCAST), attributes.string(IFA_LABEL),
                new AddressScope(payload.get(3) & 0xff), flags);
    }

    /** Decodes an RTM_NEWLINK / RTM_DELLINK, or null for bridge-port and malformed messages. */
    static LinkInfo parseLink(NetlinkMessage message) {
        ByteBuffer payload = message.payload();
        if (payload.remaining() < IFINFOMSG_SIZE || payload.get(0) == AF_BRIDGE) {
            return null;
        }
        NetlinkAttributes attributes = NetlinkAttributes.afterHeader(payload, IFINFOMSG_SIZE);
        byte[] hardware = attributes.bytes(IFLA_ADDRESS);
        MacAddress mac = hardware != null && hardware.length == 6 ? MacAddress.of(hardware) : null;
        String name = attributes.string(IFLA_IFNAME);
        return new LinkInfo(payload.getInt(4), name != null ? name : "", mac, payload.getInt(8),
                attributes.u32(IFLA_MTU, 0), attributes.u8(IFLA_OPERSTATE, 0), attributes.u32(IFLA_LINK, 0),
                attributes.nested(IFLA_LINKINFO).string(IFLA_INFO_KIND));
    }

    static int family(InetAddress address) {
        return address instanceof java.net.Inet6Address ? AF_INET6 : AF_INET;
    }
}
