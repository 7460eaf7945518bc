package org.keepalived4j.ipvs;

import static org.keepalived4j.ipvs.IpvsUapi.*;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.keepalived4j.linux.GenericNetlink;
import org.keepalived4j.linux.NetlinkMessageWriter;

/**
 * Writes the generic-netlink requests keepalived sends to the kernel's "IPVS" family, attribute
 * for attribute as its libipvs does, into a message the caller has begun (with the family id as
 * its type, NLM_F_ACK for a command, NLM_F_DUMP for a dump):
 * <ul>
 * <li>a service is IPVS_CMD_ATTR_SERVICE { AF, then FWMARK or PROTOCOL + ADDR (16 bytes) + PORT
 *     (network order), then — for NEW/SET_SERVICE — SCHED_NAME, [PE_NAME], FLAGS
 *     ({@code struct ip_vs_flags} with mask 0xffffffff), TIMEOUT, NETMASK };
 * <li>commands that only name a service (DEL_SERVICE, the destination commands, the destination
 *     dump) carry just its key: the kernel reads nothing else for them;
 * <li>a destination is IPVS_CMD_ATTR_DEST { ADDR_FAMILY, ADDR, PORT, FWD_METHOD, WEIGHT,
 *     [TUN_TYPE, [TUN_PORT with GUE], [TUN_FLAGS unless IPIP] — TUN only], U_THRESH, L_THRESH }.
 * </ul>
 * Nested attributes carry no NLA_F_NESTED, as in the kernel's own IPVS messages. The netmask is
 * the kernel's raw {@code __be32}: an IPv4 mask in network order, an IPv6 prefix length as a
 * host-order number. IP_VS_SVC_F_HASHED is never sent (kernels before the 2021 fix refuse to
 * hash a new service that already claims it).
 */
final class IpvsMessageCodec {

    NetlinkMessageWriter getInfo(NetlinkMessageWriter request) {
        return command(request, IPVS_CMD_GET_INFO);
    }

    NetlinkMessageWriter flush(NetlinkMessageWriter request) {
        return command(request, IPVS_CMD_FLUSH);
    }

    NetlinkMessageWriter newService(NetlinkMessageWriter request, IpvsService service) {
        return fullService(command(request, IPVS_CMD_NEW_SERVICE), service);
    }

    NetlinkMessageWriter setService(NetlinkMessageWriter request, IpvsService service) {
        return fullService(command(request, IPVS_CMD_SET_SERVICE), service);
    }

    NetlinkMessageWriter deleteService(NetlinkMessageWriter request, IpvsServiceKey key) {
        return serviceKey(command(request, IPVS_CMD_DEL_SERVICE), key);
    }

    NetlinkMessageWriter dumpServices(NetlinkMessageWriter request) {
        return command(request, IPVS_CMD_GET_SERVICE);
    }

    NetlinkMessageWriter newDestination(NetlinkMessageWriter request, IpvsServiceKey key, IpvsDestination destination) {
        return destination(command(request, IPVS_CMD_NEW_DEST), key, destination);
    }

    NetlinkMessageWriter setDestination(NetlinkMessageWriter request, IpvsServiceKey key, IpvsDestination destination) {
        return destination(command(request, IPVS_CMD_SET_DEST), key, destination);
    }

    NetlinkMessageWriter deleteDestination(NetlinkMessageWriter request, IpvsServiceKey key,
            IpvsDestination destination) {
        return destination(command(request, IPVS_CMD_DEL_DEST), key, destination);
    }

    NetlinkMessageWriter dumpDestinations(NetlinkMessageWriter request, IpvsServiceKey key) {
        return serviceKey(command(request, IPVS_CMD_GET_DEST), key);
    }

    private static NetlinkMessageWriter command(NetlinkMessageWriter request, int command) {
        return GenericNetlink.header(request, command, IPVS_GENL_VERSION);
    }

    private static NetlinkMessageWriter destination(NetlinkMessageWriter writer, IpvsServiceKey key,
            IpvsDestination destination) {
        serviceKey(writer, key);
        int nest = writer.beginNestedNoFlag(IPVS_CMD_ATTR_DEST);
        writer.attributeShort(IPVS_DEST_ATTR_ADDR_FAMILY, destination.ipv6() ? AF_INET6 : AF_INET)
                .attribute(IPVS_DEST_ATTR_ADDR, inetAddr(destination.address()))
                .attribute(IPVS_DEST_ATTR_PORT, be16(destination.port()))
                .attributeInt(IPVS_DEST_ATTR_FWD_METHOD, destination.forwardingMethod() & IP_VS_CONN_F_FWD_MASK)
                .attributeInt(IPVS_DEST_ATTR_WEIGHT, destination.weight());
        if (destination.forwardingMethod() == IpvsDestination.TUNNEL) {
            writer.attributeByte(IPVS_DEST_ATTR_TUN_TYPE, destination.tunnelType());
            if (destination.tunnelType() == IpvsDestination.TUNNEL_GUE) {
                writer.attribute(IPVS_DEST_ATTR_TUN_PORT, be16(destination.tunnelPort()));
            }
            if (destination.tunnelType() != IpvsDestination.TUNNEL_IPIP) {
                writer.attributeShort(IPVS_DEST_ATTR_TUN_FLAGS, destination.tunnelFlags());
            }
        }
        writer.attributeInt(IPVS_DEST_ATTR_U_THRESH, destination.upperThreshold())
                .attributeInt(IPVS_DEST_ATTR_L_THRESH, destination.lowerThreshold());
        return writer.endNested(nest);
    }

    private static NetlinkMessageWriter serviceKey(NetlinkMessageWriter writer, IpvsServiceKey key) {
        int nest = writer.beginNestedNoFlag(IPVS_CMD_ATTR_SERVICE);
        keyAttributes(writer, key);
        return writer.endNested(nest);
    }

    private static NetlinkMessageWriter fullService(NetlinkMessageWriter writer, IpvsService service) {
        int nest = writer.beginNestedNoFlag(IPVS_CMD_ATTR_SERVICE);
        keyAttributes(writer, service.key());
        writer.attributeString(IPVS_SVC_ATTR_SCHED_NAME, service.scheduler());
        if (service.persistenceEngine() != null) {
            writer.attributeString(IPVS_SVC_ATTR_PE_NAME, service.persistenceEngine());
        }
        writer.attribute(IPVS_SVC_ATTR_FLAGS, ipVsFlags(writer, service.flags() & ~IpvsService.HASHED))
                .attributeInt(IPVS_SVC_ATTR_TIMEOUT, service.persistenceTimeoutSeconds());
        if (service.key().ipv6()) {
            writer.attributeInt(IPVS_SVC_ATTR_NETMASK, service.persistenceNetmask());
        } else {
            writer.attribute(IPVS_SVC_ATTR_NETMASK, ByteBuffer.allocate(4).putInt(service.persistenceNetmask()).array());
        }
        return writer.endNested(nest);
    }

    private static void keyAttributes(NetlinkMessageWriter writer, IpvsServiceKey key) {
        writer.attributeShort(IPVS_SVC_ATTR_AF, key.ipv6() ? AF_INET6 : AF_INET);
        if (key.fwmark() != 0) {
            writer.attributeInt(IPVS_SVC_ATTR_FWMARK, key.fwmark());
        } else {
            writer.attributeShort(IPVS_SVC_ATTR_PROTOCOL, key.protocol())
                    .attribute(IPVS_SVC_ATTR_ADDR, inetAddr(key.address()))
                    .attribute(IPVS_SVC_ATTR_PORT, be16(key.port()));
        }
    }

    // struct ip_vs_flags { __u32 flags; __u32 mask; } in host order; the mask says "all bits given"
    private static byte[] ipVsFlags(NetlinkMessageWriter writer, int flags) {
        return ByteBuffer.allocate(8).order(writer.order()).putInt(flags).putInt(0xffffffff).array();
    }

    // a port in network order (nla_put_be16)
    private static byte[] be16(int value) {
        return new byte[] {(byte) (value >>> 8), (byte) value};
    }

    // union nf_inet_addr: 16 bytes, an IPv4 address in the first 4
    private static byte[] inetAddr(InetAddress address) {
        byte[] raw = address.getAddress();
        byte[] padded = new byte[NF_INET_ADDR_LEN];
        System.arraycopy(raw, 0, padded, 0, raw.length);
        return padded;
    }
}
