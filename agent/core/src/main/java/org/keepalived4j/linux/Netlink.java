package org.keepalived4j.linux;

/**
 * Netlink framing constants ({@code linux/netlink.h}). A message is a 16-byte {@code nlmsghdr}
 * (len u32, type u16, flags u16, seq u32, pid u32, all in host byte order) followed by a
 * payload, padded to 4 bytes.
 */
public final class Netlink {

    public static final int NETLINK_ROUTE = 0;
    public static final int NETLINK_GENERIC = 16;

    public static final int HEADER_SIZE = 16;

    public static final int NLMSG_NOOP = 1;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;
    public static final int NLMSG_OVERRUN = 4;

    public static final int NLM_F_REQUEST = 0x01;
    public static final int NLM_F_MULTI = 0x02;
    public static final int NLM_F_ACK = 0x04;
    public static final int NLM_F_ROOT = 0x100;
    public static final int NLM_F_MATCH = 0x200;
    public static final int NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;
    public static final int NLM_F_REPLACE = 0x100;
    public static final int NLM_F_EXCL = 0x200;
    public static final int NLM_F_CREATE = 0x400;

    /** In an NLMSG_ERROR: the echoed request is only its header. */
    public static final int NLM_F_CAPPED = 0x100;
    /** In an NLMSG_ERROR: extended-ack attributes follow the echoed request. */
    public static final int NLM_F_ACK_TLVS = 0x200;
    public static final int NLMSGERR_ATTR_MSG = 1;

    public static final int NLA_F_NESTED = 0x8000;
    public static final int NLA_TYPE_MASK = 0x3fff;

    private Netlink() {
    }

    /** Rounds up to the 4-byte netlink alignment. */
    public static int align(int length) {
        return (length + 3) & ~3;
    }
}
