package org.keepalived4j.ipvs;

/**
 * Numbers from the kernel's {@code linux/ip_vs.h} that the IPVS generic-netlink messages carry
 * (the netlink and generic-netlink framing numbers live in {@code org.keepalived4j.linux}).
 * Names keep the kernel's spelling so they can be checked against the header line by line.
 */
final class IpvsUapi {

    private IpvsUapi() {
    }

    // linux/ip_vs.h: generic netlink family
    static final String IPVS_GENL_NAME = "IPVS";
    static final int IPVS_GENL_VERSION = 0x1;

    // enum: IPVS_CMD_*
    static final int IPVS_CMD_NEW_SERVICE = 1;
    static final int IPVS_CMD_SET_SERVICE = 2;
    static final int IPVS_CMD_DEL_SERVICE = 3;
    static final int IPVS_CMD_GET_SERVICE = 4;
    static final int IPVS_CMD_NEW_DEST = 5;
    static final int IPVS_CMD_SET_DEST = 6;
    static final int IPVS_CMD_DEL_DEST = 7;
    static final int IPVS_CMD_GET_DEST = 8;
    static final int IPVS_CMD_SET_INFO = 14;
    static final int IPVS_CMD_GET_INFO = 15;
    static final int IPVS_CMD_FLUSH = 17;

    // enum: IPVS_CMD_ATTR_*
    static final int IPVS_CMD_ATTR_SERVICE = 1;
    static final int IPVS_CMD_ATTR_DEST = 2;

    // enum: IPVS_SVC_ATTR_*
    static final int IPVS_SVC_ATTR_AF = 1;
    static final int IPVS_SVC_ATTR_PROTOCOL = 2;
    static final int IPVS_SVC_ATTR_ADDR = 3;
    static final int IPVS_SVC_ATTR_PORT = 4;
    static final int IPVS_SVC_ATTR_FWMARK = 5;
    static final int IPVS_SVC_ATTR_SCHED_NAME = 6;
    static final int IPVS_SVC_ATTR_FLAGS = 7;
    static final int IPVS_SVC_ATTR_TIMEOUT = 8;
    static final int IPVS_SVC_ATTR_NETMASK = 9;
    static final int IPVS_SVC_ATTR_PE_NAME = 11;

    // enum: IPVS_DEST_ATTR_*
    static final int IPVS_DEST_ATTR_ADDR = 1;
    static final int IPVS_DEST_ATTR_PORT = 2;
    static final int IPVS_DEST_ATTR_FWD_METHOD = 3;
    static final int IPVS_DEST_ATTR_WEIGHT = 4;
    static final int IPVS_DEST_ATTR_U_THRESH = 5;
    static final int IPVS_DEST_ATTR_L_THRESH = 6;
    static final int IPVS_DEST_ATTR_ACTIVE_CONNS = 7;
    static final int IPVS_DEST_ATTR_INACT_CONNS = 8;
    static final int IPVS_DEST_ATTR_PERSIST_CONNS = 9;
    static final int IPVS_DEST_ATTR_ADDR_FAMILY = 11;
    static final int IPVS_DEST_ATTR_TUN_TYPE = 13;
    static final int IPVS_DEST_ATTR_TUN_PORT = 14;
    static final int IPVS_DEST_ATTR_TUN_FLAGS = 15;

    // enum: IPVS_INFO_ATTR_*
    static final int IPVS_INFO_ATTR_VERSION = 1;
    static final int IPVS_INFO_ATTR_CONN_TAB_SIZE = 2;

    // IP_VS_CONN_F_FWD_MASK and the address families of linux/socket.h
    static final int IP_VS_CONN_F_FWD_MASK = 0x0007;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;

    /** sizeof(union nf_inet_addr): every IPVS address attribute is 16 bytes. */
    static final int NF_INET_ADDR_LEN = 16;
}
