package org.keepalived4j.ipvs;

import static org.keepalived4j.ipvs.IpvsUapi.*;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads the kernel's answers: the controller's family description, IPVS service and destination
 * dump entries (IPVS_CMD_NEW_SERVICE / IPVS_CMD_NEW_DEST messages) and the GET_INFO reply. Kernel
 * bookkeeping is dropped on the way in (IP_VS_SVC_F_HASHED, connection counters, statistics).
 */
final class IpvsReplyParser {

    private final ByteOrder hostOrder;

    IpvsReplyParser(ByteOrder hostOrder) {
        this.hostOrder = hostOrder;
    }

    /** The family id in a CTRL_CMD_NEWFAMILY reply. */
    GenlFamily family(GenlReply reply) throws MalformedReplyException {
        for (GenlMessage message : reply.messages()) {
            if (message.type() == GENL_ID_CTRL && message.command() == CTRL_CMD_NEWFAMILY) {
                GenlAttributes attributes = message.attributes(hostOrder);
                int version = attributes.has(CTRL_ATTR_VERSION) ? attributes.u32(CTRL_ATTR_VERSION) : 0;
                int maxAttribute = attributes.has(CTRL_ATTR_MAXATTR) ? attributes.u32(CTRL_ATTR_MAXATTR) : 0;
                return new GenlFamily(attributes.string(CTRL_ATTR_FAMILY_NAME), attributes.u16(CTRL_ATTR_FAMILY_ID),
                        version, maxAttribute);
            }
        }
        throw new MalformedReplyException("no CTRL_CMD_NEWFAMILY message in the controller's reply");
    }

    /** The IPVS_CMD_SET_INFO reply to IPVS_CMD_GET_INFO. */
    IpvsInfo info(GenlReply reply) throws MalformedReplyException {
        for (GenlMessage message : reply.messages()) {
            if (message.command() == IPVS_CMD_SET_INFO) {
                GenlAttributes attributes = message.attributes(hostOrder);
                return new IpvsInfo(attributes.u32(IPVS_INFO_ATTR_VERSION),
                        attributes.u32(IPVS_INFO_ATTR_CONN_TAB_SIZE));
            }
        }
        throw new MalformedReplyException("no IPVS_CMD_SET_INFO message in the GET_INFO reply");
    }

    /** One service of a GET_SERVICE dump. */
    IpvsService service(GenlMessage message) throws MalformedReplyException {
        GenlAttributes service = message.attributes(hostOrder).nested(IPVS_CMD_ATTR_SERVICE);
        boolean ipv6 = ipv6(service.u16(IPVS_SVC_ATTR_AF));
        IpvsServiceKey key;
        if (service.has(IPVS_SVC_ATTR_FWMARK) && service.u32(IPVS_SVC_ATTR_FWMARK) != 0) {
            key = IpvsServiceKey.fwmark(ipv6, service.u32(IPVS_SVC_ATTR_FWMARK));
        } else {
            InetAddress address = address(ipv6, service.bytes(IPVS_SVC_ATTR_ADDR, ipv6 ? 16 : 4));
            key = new IpvsServiceKey(ipv6, service.u16(IPVS_SVC_ATTR_PROTOCOL), address,
                    service.be16(IPVS_SVC_ATTR_PORT), 0);
        }
        ByteBuffer flags = ByteBuffer.wrap(service.bytes(IPVS_SVC_ATTR_FLAGS, 8)).order(hostOrder);
        int netmask = ipv6 ? service.u32(IPVS_SVC_ATTR_NETMASK) : service.be32(IPVS_SVC_ATTR_NETMASK);
        String engine = service.has(IPVS_SVC_ATTR_PE_NAME) ? service.string(IPVS_SVC_ATTR_PE_NAME) : null;
        try {
            return new IpvsService(key, service.string(IPVS_SVC_ATTR_SCHED_NAME), flags.getInt(0) & flags.getInt(4),
                    service.u32(IPVS_SVC_ATTR_TIMEOUT), netmask, engine);
        } catch (IllegalArgumentException e) {
            throw new MalformedReplyException("service " + key.label() + ": " + e.getMessage());
        }
    }

    /** One destination of a GET_DEST dump of a service of the given family. */
    IpvsDestination destination(GenlMessage message, boolean serviceIpv6) throws MalformedReplyException {
        GenlAttributes dest = message.attributes(hostOrder).nested(IPVS_CMD_ATTR_DEST);
        boolean ipv6 = dest.has(IPVS_DEST_ATTR_ADDR_FAMILY) ? ipv6(dest.u16(IPVS_DEST_ATTR_ADDR_FAMILY)) : serviceIpv6;
        InetAddress address = address(ipv6, dest.bytes(IPVS_DEST_ATTR_ADDR, ipv6 ? 16 : 4));
        try {
            return new IpvsDestination(address, dest.be16(IPVS_DEST_ATTR_PORT),
                    dest.u32(IPVS_DEST_ATTR_FWD_METHOD) & IP_VS_CONN_F_FWD_MASK, dest.u32(IPVS_DEST_ATTR_WEIGHT),
                    dest.u32(IPVS_DEST_ATTR_U_THRESH), dest.u32(IPVS_DEST_ATTR_L_THRESH),
                    dest.has(IPVS_DEST_ATTR_TUN_TYPE) ? dest.u8(IPVS_DEST_ATTR_TUN_TYPE) : 0,
                    dest.has(IPVS_DEST_ATTR_TUN_PORT) ? dest.be16(IPVS_DEST_ATTR_TUN_PORT) : 0,
                    dest.has(IPVS_DEST_ATTR_TUN_FLAGS) ? dest.u16(IPVS_DEST_ATTR_TUN_FLAGS) : 0);
        } catch (IllegalArgumentException e) {
            throw new MalformedReplyException("destination " + address.getHostAddress() + ": " + e.getMessage());
        }
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

    private static InetAddress address(boolean ipv6, byte[] raw) throws MalformedReplyException {
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
