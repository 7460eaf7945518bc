package org.keepalived4j.ipvs;

import static org.keepalived4j.ipvs.IpvsUapi.*;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.keepalived4j.linux.GenericNetlink;
import org.keepalived4j.linux.NetlinkAttributes;
import org.keepalived4j.linux.NetlinkMessage;

/**
 * Reads the kernel's IPVS answers: service and destination dump entries (IPVS_CMD_NEW_SERVICE /
 * IPVS_CMD_NEW_DEST messages) and the GET_INFO reply. A mandatory attribute that is missing or
 * short makes the message malformed; nothing else is thrown. Kernel bookkeeping is dropped on
 * the way in (IP_VS_SVC_F_HASHED, connection counters, statistics).
 */
final class IpvsReplyParser {

    /** The IPVS_CMD_SET_INFO reply to IPVS_CMD_GET_INFO. */
    IpvsInfo info(List<NetlinkMessage> replies) throws MalformedReplyException {
        for (NetlinkMessage message : replies) {
            if (GenericNetlink.command(message) == IPVS_CMD_SET_INFO) {
                NetlinkAttributes attributes = GenericNetlink.attributes(message);
                return new IpvsInfo(value(attributes, IPVS_INFO_ATTR_VERSION, 4).getInt(0),
                        value(attributes, IPVS_INFO_ATTR_CONN_TAB_SIZE, 4).getInt(0));
            }
        }
        throw new MalformedReplyException("no IPVS_CMD_SET_INFO message in the GET_INFO reply");
    }

    /** One service of a GET_SERVICE dump. */
    IpvsService service(NetlinkMessage message) throws MalformedReplyException {
        NetlinkAttributes service = nested(message, IPVS_CMD_ATTR_SERVICE);
        boolean ipv6 = ipv6(value(service, IPVS_SVC_ATTR_AF, 2).getShort(0) & 0xffff);
        int fwmark = service.u32(IPVS_SVC_ATTR_FWMARK, 0);
        ByteBuffer flags = value(service, IPVS_SVC_ATTR_FLAGS, 8);
        ByteBuffer netmask = value(service, IPVS_SVC_ATTR_NETMASK, 4);
        String scheduler = string(service, IPVS_SVC_ATTR_SCHED_NAME);
        int timeout = value(service, IPVS_SVC_ATTR_TIMEOUT, 4).getInt(0);
        String engine = service.has(IPVS_SVC_ATTR_PE_NAME) ? string(service, IPVS_SVC_ATTR_PE_NAME) : null;
        try {
            IpvsServiceKey key = fwmark != 0 ? IpvsServiceKey.fwmark(ipv6, fwmark)
                    : new IpvsServiceKey(ipv6, value(service, IPVS_SVC_ATTR_PROTOCOL, 2).getShort(0) & 0xffff,
                            address(ipv6, value(service, IPVS_SVC_ATTR_ADDR, ipv6 ? 16 : 4)),
                            be16(value(service, IPVS_SVC_ATTR_PORT, 2)), 0);
            return new IpvsService(key, scheduler, flags.getInt(0) & flags.getInt(4), timeout,
                    ipv6 ? netmask.getInt(0) : netmask.order(ByteOrder.BIG_ENDIAN).getInt(0), engine);
        } catch (IllegalArgumentException e) {
            throw new MalformedReplyException("service: " + e.getMessage());
        }
    }

    /** One destination of a GET_DEST dump of a service of the given family. */
    IpvsDestination destination(NetlinkMessage message, boolean serviceIpv6) throws MalformedReplyException {
        NetlinkAttributes dest = nested(message, IPVS_CMD_ATTR_DEST);
        boolean ipv6 = dest.has(IPVS_DEST_ATTR_ADDR_FAMILY)
                ? ipv6(value(dest, IPVS_DEST_ATTR_ADDR_FAMILY, 2).getShort(0) & 0xffff) : serviceIpv6;
        InetAddress address = address(ipv6, value(dest, IPVS_DEST_ATTR_ADDR, ipv6 ? 16 : 4));
        try {
            return new IpvsDestination(address, be16(value(dest, IPVS_DEST_ATTR_PORT, 2)),
                    value(dest, IPVS_DEST_ATTR_FWD_METHOD, 4).getInt(0) & IP_VS_CONN_F_FWD_MASK,
                    value(dest, IPVS_DEST_ATTR_WEIGHT, 4).getInt(0), value(dest, IPVS_DEST_ATTR_U_THRESH, 4).getInt(0),
                    value(dest, IPVS_DEST_ATTR_L_THRESH, 4).getInt(0), dest.u8(IPVS_DEST_ATTR_TUN_TYPE, 0),
                    dest.has(IPVS_DEST_ATTR_TUN_PORT) ? be16(value(dest, IPVS_DEST_ATTR_TUN_PORT, 2)) : 0,
                    dest.u16(IPVS_DEST_ATTR_TUN_FLAGS, 0));
        } catch (IllegalArgumentException e) {
            throw new MalformedReplyException("destination " + address.getHostAddress() + ": " + e.getMessage());
        }
    }

    private static NetlinkAttributes nested(NetlinkMessage message, int type) throws MalformedReplyException {
        NetlinkAttributes attributes = GenericNetlink.attributes(message);
        if (!attributes.has(type)) {
            throw new MalformedReplyException("message type " + message.type() + " has no attribute " + type);
        }
        return attributes.nested(type);
    }

    private static ByteBuffer value(NetlinkAttributes attributes, int type, int minimumLength)
            throws MalformedReplyException {
        ByteBuffer value = attributes.raw(type);
        if (value == null) {
            throw new MalformedReplyException("attribute " + type + " is missing");
        }
        if (value.remaining() < minimumLength) {
            throw new MalformedReplyException("attribute " + type + " has " + value.remaining() + " bytes, needs "
                    + minimumLength);
        }
        return value;
    }

    private static String string(NetlinkAttributes attributes, int type) throws MalformedReplyException {
        value(attributes, type, 0);
        return attributes.string(type);
    }

    // a network-order u16 (ports)
    private static int be16(ByteBuffer value) {
        return ((value.get(0) & 0xff) << 8) | (value.get(1) & 0xff);
    }

    private static boolean ipv6(int family) throws MalformedReplyException {
        if (family == AF_INET) {
            return false;
        }
        if (family == AF_INET6) {
            return true;
        }
        throw new MalformedReplyException("address family " + family + " is neither AF_INET nor AF_INET6");
    }

    private static InetAddress address(boolean ipv6, ByteBuffer value) throws MalformedReplyException {
        byte[] raw = new byte[value.remaining()];
        value.duplicate().get(raw);
        try {
            if (ipv6) {
                return Inet6Address.getByAddress(null, Arrays.copyOf(raw, 16), -1);
            }
            return InetAddress.getByAddress(Arrays.copyOf(raw, 4));
        } catch (UnknownHostException e) {
            throw new MalformedReplyException("bad address: " + e.getMessage());
        }
    }
}
