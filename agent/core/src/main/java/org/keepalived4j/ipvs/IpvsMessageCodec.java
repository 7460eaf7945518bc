package org.keepalived4j.ipvs;

import static org.keepalived4j.ipvs.IpvsUapi.*;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds the generic-netlink requests keepalived sends to the kernel's "IPVS" family, attribute
 * for attribute as its libipvs does:
 * <ul>
 * <li>every request is {@code NLM_F_REQUEST | NLM_F_ACK} (so it always ends with an ACK or an
 *     error), except dumps, which are {@code NLM_F_REQUEST | NLM_F_DUMP} and end with NLMSG_DONE;
 * <li>a service is IPVS_CMD_ATTR_SERVICE { AF, then FWMARK or PROTOCOL + ADDR (16 bytes) + PORT
 *     (network order), then — for NEW/SET_SERVICE — SCHED_NAME, [PE_NAME], FLAGS
 *     ({@code struct ip_vs_flags} with mask 0xffffffff), TIMEOUT, NETMASK };
 * <li>commands that only name a service (DEL_SERVICE, the destination commands, the destination
 *     dump) carry just its key: the kernel reads nothing else for them;
 * <li>a destination is IPVS_CMD_ATTR_DEST { ADDR_FAMILY, ADDR, PORT, FWD_METHOD, WEIGHT,
 *     [TUN_TYPE, [TUN_PORT with GUE], [TUN_FLAGS unless IPIP] — TUN only], U_THRESH, L_THRESH }.
 * </ul>
 * The netmask is the kernel's raw {@code __be32}: an IPv4 mask in network order, an IPv6 prefix
 * length as a host-order number. IP_VS_SVC_F_HASHED is never sent (kernels before the 2021 fix
 * refuse to hash a new service that already claims it).
 */
final class IpvsMessageCodec {

    private static final int DO_FLAGS = NLM_F_REQUEST | NLM_F_ACK;
    private static final int DUMP_FLAGS = NLM_F_REQUEST | NLM_F_DUMP;

    private final ByteOrder hostOrder;

    IpvsMessageCodec(ByteOrder hostOrder) {
        this.hostOrder = hostOrder;
    }

    /** CTRL_CMD_GETFAMILY for {@code name} (the controller answers with the family id). */
    byte[] getFamily(int sequence, String name) {
        return new GenlMessageWriter(hostOrder, GENL_ID_CTRL, DO_FLAGS, sequence, CTRL_CMD_GETFAMILY, CTRL_VERSION)
                .string(CTRL_ATTR_FAMILY_NAME, name)
                .finish();
    }

    byte[] getInfo(int family, int sequence) {
        return request(family, DO_FLAGS, sequence, IPVS_CMD_GET_INFO).finish();
    }

    byte[] flush(int family, int sequence) {
        return request(family, DO_FLAGS, sequence, IPVS_CMD_FLUSH).finish();
    }

    byte[] newService(int family, int sequence, IpvsService service) {
        return fullService(request(family, DO_FLAGS, sequence, IPVS_CMD_NEW_SERVICE), service).finish();
    }

    byte[] setService(int family, int sequence, IpvsService service) {
        return fullService(request(family, DO_FLAGS, sequence, IPVS_CMD_SET_SERVICE), service).finish();
    }

    byte[] deleteService(int family, int sequence, IpvsServiceKey key) {
        return serviceKey(request(family, DO_FLAGS, sequence, IPVS_CMD_DEL_SERVICE), key).finish();
    }

    byte[] dumpServices(int family, int sequence) {
        return request(family, DUMP_FLAGS, sequence, IPVS_CMD_GET_SERVICE).finish();
    }

    byte[] newDestination(int family, int sequence, IpvsServiceKey key, IpvsDestination destination) {
        return destinationCommand(family, sequence, IPVS_CMD_NEW_DEST, key, destination);
    }

    byte[] setDestination(int family, int sequence, IpvsServiceKey key, IpvsDestination destination) {
        return destinationCommand(family, sequence, IPVS_CMD_SET_DEST, key, destination);
    }

    byte[] deleteDestination(int family, int sequence, IpvsServiceKey key, IpvsDestination destination) {
        return destinationCommand(family, sequence, IPVS_CMD_DEL_DEST, key, destination);
    }

    byte[] dumpDestinations(int family, int sequence, IpvsServiceKey key) {
        return serviceKey(request(family, DUMP_FLAGS, sequence, IPVS_CMD_GET_DEST), key).finish();
    }

    private GenlMessageWriter request(int family, int flags, int sequence, int command) {
        return new GenlMessageWriter(hostOrder, family, flags, sequence, command, IPVS_GENL_VERSION);
    }

    private byte[] destinationCommand(int family, int sequence, int command, IpvsServiceKey key,
            IpvsDestination destination) {
        GenlMessageWriter writer = serviceKey(request(family, DO_FLAGS, sequence, command), key);
        int nest = writer.beginNested(IPVS_CMD_ATTR_DEST);
        writer.u16(IPVS_DEST_ATTR_ADDR_FAMILY, destination.ipv6() ? AF_INET6 : AF_INET)
                .bytes(IPVS_DEST_ATTR_ADDR, inetAddr(destination.address()))
                .be16(IPVS_DEST_ATTR_PORT, destination.port())
                .u32(IPVS_DEST_ATTR_FWD_METHOD, destination.forwardingMethod() & IP_VS_CONN_F_FWD_MASK)
                .u32(IPVS_DEST_ATTR_WEIGHT, destination.weight());
        if (destination.forwardingMethod() == IpvsDestination.TUNNEL) {
            writer.u8(IPVS_DEST_ATTR_TUN_TYPE, destination.tunnelType());
            if (destination.tunnelType() == IpvsDestination.TUNNEL_GUE) {
                writer.be16(IPVS_DEST_ATTR_TUN_PORT, destination.tunnelPort());
            }
            if (destination.tunnelType() != IpvsDestination.TUNNEL_IPIP) {
                writer.u16(IPVS_DEST_ATTR_TUN_FLAGS, destination.tunnelFlags());
            }
        }
        writer.u32(IPVS_DEST_ATTR_U_THRESH, destination.upperThreshold())
                .u32(IPVS_DEST_ATTR_L_THRESH, destination.lowerThreshold());
        return writer.endNested(nest).finish();
    }

    private static GenlMessageWriter serviceKey(GenlMessageWriter writer, IpvsServiceKey key) {
        int nest = writer.beginNested(IPVS_CMD_ATTR_SERVICE);
        keyAttributes(writer, key);
        return writer.endNested(nest);
    }

    private GenlMessageWriter fullService(GenlMessageWriter writer, IpvsService service) {
        int nest = writer.beginNested(IPVS_CMD_ATTR_SERVICE);
        keyAttributes(writer, service.key());
        writer.string(IPVS_SVC_ATTR_SCHED_NAME, service.scheduler());
        if (service.persistenceEngine() != null) {
            writer.string(IPVS_SVC_ATTR_PE_NAME, service.persistenceEngine());
        }
        writer.bytes(IPVS_SVC_ATTR_FLAGS, ipVsFlags(service.flags() & ~IpvsService.HASHED))
                .u32(IPVS_SVC_ATTR_TIMEOUT, service.persistenceTimeoutSeconds());
        if (service.key().ipv6()) {
            writer.u32(IPVS_SVC_ATTR_NETMASK, service.persistenceNetmask());
        } else {
            writer.be32(IPVS_SVC_ATTR_NETMASK, service.persistenceNetmask());
        }
        return writer.endNested(nest);
    }

    private static void keyAttributes(GenlMessageWriter writer, IpvsServiceKey key) {
        writer.u16(IPVS_SVC_ATTR_AF, key.ipv6() ? AF_INET6 : AF_INET);
        if (key.fwmark() != 0) {
            writer.u32(IPVS_SVC_ATTR_FWMARK, key.fwmark());
        } else {
            writer.u16(IPVS_SVC_ATTR_PROTOCOL, key.protocol())
                    .bytes(IPVS_SVC_ATTR_ADDR, inetAddr(key.address()))
                    .be16(IPVS_SVC_ATTR_PORT, key.port());
        }
    }

    // struct ip_vs_flags { __u32 flags; __u32 mask; } in host order; the mask says "all bits given"
    private byte[] ipVsFlags(int flags) {
        return ByteBuffer.allocate(8).order(hostOrder).putInt(flags).putInt(0xffffffff).array();
    }

    // union nf_inet_addr: 16 bytes, an IPv4 address in the first 4
    private static byte[] inetAddr(InetAddress address) {
        byte[] raw = address.getAddress();
        byte[] padded = new byte[NF_INET_ADDR_LEN];
        System.arraycopy(raw, 0, padded, 0, raw.length);
        return padded;
    }
}
