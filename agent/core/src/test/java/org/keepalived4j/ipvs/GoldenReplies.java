package org.keepalived4j.ipvs;

import static org.keepalived4j.linux.HexBytes.hex;

import org.keepalived4j.linux.HexBytes;
import org.keepalived4j.linux.NetlinkReplies;

/**
 * IPVS replies written by hand from the uapi layout (little-endian host), in the attribute
 * order of the kernel's ip_vs_genl_fill_service / ip_vs_genl_fill_dest. The replying socket's
 * port id is 0x1234; the IPVS family id is 0x1b (see {@link NetlinkReplies} for the framing).
 */
final class GoldenReplies {

    private GoldenReplies() {
    }

    /** An ACK echoing the header of a 20-byte IPVS request (no attributes) with this sequence. */
    static byte[] ack(int sequence) {
        return NetlinkReplies.ack(sequence, ipvsRequestHeader(sequence));
    }

    /** An error echoing the header of a 20-byte IPVS request with this sequence. */
    static byte[] error(int sequence, int errno) {
        return NetlinkReplies.error(sequence, errno, ipvsRequestHeader(sequence));
    }

    static String ipvsRequestHeader(int sequence) {
        return "14000000 1b00 0500 " + seq(sequence) + " 00000000";
    }

    /** IPVS_CMD_SET_INFO: version 1.2.1, connection table 4096. */
    static byte[] info(int sequence) {
        return hex(
                "24000000", "1b00", "0000", seq(sequence), "34120000",
                "0e 01 0000",                   // IPVS_CMD_SET_INFO (14)
                "0800 0100 01020100",           // IPVS_INFO_ATTR_VERSION (1) = 0x010201
                "0800 0200 00100000");          // IPVS_INFO_ATTR_CONN_TAB_SIZE (2) = 4096
    }

    /** One datagram: two services (TCP 192.168.1.10:80 rr; fwmark 7 inet6 sh+sip), then NLMSG_DONE. */
    static byte[] serviceDump(int sequence) {
        return hex(
                "74000000", "1b00", "0200", seq(sequence), "34120000", // len 116, NLM_F_MULTI
                "01 01 0000",                                     // IPVS_CMD_NEW_SERVICE
                "6000 0100",                                      // len 96, IPVS_CMD_ATTR_SERVICE
                "0600 0100 0200 0000",                            // AF_INET
                "0600 0200 0600 0000",                            // TCP
                "1400 0300 c0a8010a 00000000 00000000 00000000",  // 192.168.1.10
                "0600 0400 0050 0000",                            // port 80
                "0700 0600 727200 00",                            // "rr"
                "0c00 0700 02000000 ffffffff",                    // flags HASHED, mask ~0
                "0800 0800 00000000",                             // timeout 0
                "0800 0900 ffffffff",                             // netmask 255.255.255.255
                "0c00 0a00 0800 0100 05000000",                   // IPVS_SVC_ATTR_STATS (10) {CONNS 5}

                "54000000", "1b00", "0200", seq(sequence), "34120000", // len 84, NLM_F_MULTI
                "01 01 0000",
                "4000 0100",                                      // len 64
                "0600 0100 0a00 0000",                            // AF_INET6
                "0800 0500 07000000",                             // FWMARK 7
                "0700 0600 736800 00",                            // "sh"
                "0800 0b00 73697000",                             // PE_NAME "sip"
                "0c00 0700 1b000000 ffffffff",                    // PERSISTENT|HASHED|SCHED1|SCHED2
                "0800 0800 3c000000",                             // timeout 60
                "0800 0900 40000000",                             // prefix length 64

                "14000000", "0300", "0200", seq(sequence), "34120000", // NLMSG_DONE, NLM_F_MULTI
                "00000000");                                      // error 0
    }

    /** One datagram: two destinations of TCP 192.168.1.10:80 (NAT 10.0.0.2:8080; GUE [2001:db8::20]:80). */
    static byte[] destinationDump(int sequence) {
        return hex(
                "98000000", "1b00", "0200", seq(sequence), "34120000", // len 152
                "05 01 0000",                                     // IPVS_CMD_NEW_DEST
                "8400 0200",                                      // len 132, IPVS_CMD_ATTR_DEST
                "1400 0100 0a000002 00000000 00000000 00000000",  // ADDR 10.0.0.2
                "0600 0200 1f90 0000",                            // PORT 8080
                "0800 0300 00000000",                             // FWD_METHOD MASQ
                "0800 0400 01000000",                             // WEIGHT 1
                "0500 0d00 00 000000",                            // TUN_TYPE 0
                "0600 0e00 0000 0000",                            // TUN_PORT 0
                "0600 0f00 0000 0000",                            // TUN_FLAGS 0
                "0800 0500 00000000",                             // U_THRESH 0
                "0800 0600 00000000",                             // L_THRESH 0
                "0800 0700 03000000",                             // IPVS_DEST_ATTR_ACTIVE_CONNS (7) 3
                "0800 0800 04000000",                             // IPVS_DEST_ATTR_INACT_CONNS (8) 4
                "0800 0900 00000000",                             // IPVS_DEST_ATTR_PERSIST_CONNS (9) 0
                "0600 0b00 0200 0000",                            // ADDR_FAMILY AF_INET
                "0c00 0a00 0800 0100 07000000",                   // IPVS_DEST_ATTR_STATS (10) {CONNS 7}

                "8c000000", "1b00", "0200", seq(sequence), "34120000", // len 140
                "05 01 0000",
                "7800 0200",                                      // len 120
                "1400 0100 20010db8 00000000 00000000 00000020",  // ADDR 2001:db8::20
                "0600 0200 0050 0000",                            // PORT 80
                "0800 0300 02000000",                             // TUNNEL
                "0800 0400 00000000",                             // WEIGHT 0
                "0500 0d00 01 000000",                            // TUN_TYPE GUE
                "0600 0e00 17c0 0000",                            // TUN_PORT 6080
                "0600 0f00 0100 0000",                            // TUN_FLAGS CSUM
                "0800 0500 64000000",                             // U_THRESH 100
                "0800 0600 0a000000",                             // L_THRESH 10
                "0800 0700 00000000",
                "0800 0800 00000000",
                "0800 0900 00000000",
                "0600 0b00 0a00 0000");                           // ADDR_FAMILY AF_INET6
    }

    static String seq(int sequence) {
        return HexBytes.le32(sequence);
    }
}
