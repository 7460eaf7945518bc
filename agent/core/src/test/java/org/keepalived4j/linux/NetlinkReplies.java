package org.keepalived4j.linux;

import static org.keepalived4j.linux.HexBytes.hex;
import static org.keepalived4j.linux.HexBytes.le32;

/**
 * Kernel replies written by hand from the uapi layout of {@code linux/netlink.h} and
 * {@code linux/genetlink.h}, little-endian, from a socket with port id 0x1234.
 */
public final class NetlinkReplies {

    private NetlinkReplies() {
    }

    /** NLMSG_ERROR with error 0 (an ACK), capped: the request header only. */
    public static byte[] ack(int sequence, String requestHeader) {
        return hex(
                "24000000",                     // nlmsg_len 36
                "0200",                         // NLMSG_ERROR
                "0001",                         // NLM_F_CAPPED (0x100)
                le32(sequence), "34120000",
                "00000000",                     // nlmsgerr.error = 0
                requestHeader);                 // nlmsgerr.msg: the request's nlmsghdr
    }

    /** NLMSG_ERROR with -errno, capped, no extended-ACK attributes. */
    public static byte[] error(int sequence, int errno, String requestHeader) {
        return hex("24000000", "0200", "0001", le32(sequence), "34120000", le32(-errno), requestHeader);
    }

    /** NLMSG_DONE ending a dump (0) or aborting it (-errno). */
    public static byte[] done(int sequence, int errno) {
        return hex("14000000", "0300", "0200", le32(sequence), "34120000", le32(-errno));
    }

    /** The header of a CTRL_CMD_GETFAMILY request for "IPVS" (as echoed in its ACK or error). */
    public static String getFamilyHeader(int sequence) {
        return "20000000 1000 0500 " + le32(sequence) + " 00000000";
    }

    /** CTRL_CMD_NEWFAMILY for "IPVS", id 0x1b: the controller's answer to GETFAMILY. */
    public static byte[] ipvsFamily(int sequence) {
        return hex(
                "40000000",                     // nlmsg_len 64
                "1000",                         // GENL_ID_CTRL
                "0000",                         // no flags
                le32(sequence), "34120000",
                "01 02 0000",                   // CTRL_CMD_NEWFAMILY (1), controller version 2
                "0900 0200 49505653 00000000",  // CTRL_ATTR_FAMILY_NAME "IPVS\0"
                "0600 0100 1b00 0000",          // CTRL_ATTR_FAMILY_ID (1) = 0x1b, u16
                "0800 0300 01000000",           // CTRL_ATTR_VERSION (3) = 1
                "0800 0400 00000000",           // CTRL_ATTR_HDRSIZE (4) = 0
                "0800 0500 06000000");          // CTRL_ATTR_MAXATTR (5) = 6
    }
}
