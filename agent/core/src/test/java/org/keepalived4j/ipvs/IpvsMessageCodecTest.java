package org.keepalived4j.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keepalived4j.linux.HexBytes.hex;
import static org.keepalived4j.linux.HexBytes.hexOf;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.keepalived4j.linux.Netlink;
import org.keepalived4j.linux.NetlinkMessageWriter;

/**
 * Golden vectors for every request, derived by hand from struct nlmsghdr (linux/netlink.h),
 * struct genlmsghdr (linux/genetlink.h), struct nlattr and the IPVS enums (linux/ip_vs.h), on a
 * little-endian host. Each line is one header or one attribute: "len type value [pad]"; the
 * attribute length counts its 4-byte header and excludes padding.
 */
class IpvsMessageCodecTest {

    private static final int IPVS = 0x1b;
    private final IpvsMessageCodec codec = new IpvsMessageCodec();

    private static final InetAddress VIP4 = address("192.168.1.10");
    private static final InetAddress VIP6 = address("2001:db8::10");
    private static final IpvsServiceKey TCP4 = IpvsServiceKey.of(IpvsServiceKey.TCP, VIP4, 80);
    private static final IpvsServiceKey UDP6 = IpvsServiceKey.of(IpvsServiceKey.UDP, VIP6, 53);

    // IPVS_CMD_ATTR_SERVICE holding only the key of TCP 192.168.1.10:80 (48 bytes)
    private static final String[] TCP4_KEY = {
        "3000 0100",                                      // nlattr len 48, IPVS_CMD_ATTR_SERVICE (1)
        "0600 0100 0200 0000",                            // IPVS_SVC_ATTR_AF (1) = AF_INET (2), pad 2
        "0600 0200 0600 0000",                            // IPVS_SVC_ATTR_PROTOCOL (2) = IPPROTO_TCP (6)
        "1400 0300 c0a8010a 00000000 00000000 00000000",  // IPVS_SVC_ATTR_ADDR (3): nf_inet_addr, 16 bytes
        "0600 0400 0050 0000",                            // IPVS_SVC_ATTR_PORT (4) = 80, network order
    };

    @Test
    void headersAndNumbersFollowTheHostByteOrder() {
        NetlinkMessageWriter bigEndian = new NetlinkMessageWriter(64, ByteOrder.BIG_ENDIAN)
                .begin(IPVS, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, 1);
        assertThat(hexOf(bytes(codec.flush(bigEndian)))).isEqualTo(hexOf(hex(
                "00000014", "001b", "0005", "00000001", "00000000",
                "11 01 0000")));
    }

    @Test
    void newServiceIpv4CarriesTheFullServiceWithDefaultNetmask() {
        IpvsService service = new IpvsService(TCP4, "rr", 0, 0, 0);
        assertThat(hexOf(bytes(codec.newService(command(1), service)))).isEqualTo(hexOf(hex(
                "68000000",                                       // nlmsg_len 104
                "1b00",                                           // nlmsg_type: the IPVS family id
                "0500",                                           // NLM_F_REQUEST | NLM_F_ACK
                "01000000", "00000000",                           // seq 1, pid 0
                "01 01 0000",                                     // IPVS_CMD_NEW_SERVICE (1), IPVS_GENL_VERSION 1
                "5400 0100",                                      // len 84, IPVS_CMD_ATTR_SERVICE (1)
                "0600 0100 0200 0000",                            // AF = AF_INET
                "0600 0200 0600 0000",                            // PROTOCOL = TCP
                "1400 0300 c0a8010a 00000000 00000000 00000000",  // ADDR 192.168.1.10
                "0600 0400 0050 0000",                            // PORT 80
                "0700 0600 727200 00",                            // IPVS_SVC_ATTR_SCHED_NAME (6) = "rr\0", pad 1
                "0c00 0700 00000000 ffffffff",                    // IPVS_SVC_ATTR_FLAGS (7): {flags 0, mask ~0}
                "0800 0800 00000000",                             // IPVS_SVC_ATTR_TIMEOUT (8) = 0
                "0800 0900 ffffffff"                              // IPVS_SVC_ATTR_NETMASK (9) = 255.255.255.255
        )));
    }

    @Test
    void newServiceIpv6PersistentOnePacketCarriesPrefixLengthInHostOrder() {
        IpvsService service = new IpvsService(UDP6, "wlc", IpvsService.ONE_PACKET, 300, 64);
        assertThat(hexOf(bytes(codec.newService(command(2), service)))).isEqualTo(hexOf(hex(
                "68000000", "1b00", "0500", "02000000", "00000000",
                "01 01 0000",                                     // IPVS_CMD_NEW_SERVICE
                "5400 0100",                                      // len 84, IPVS_CMD_ATTR_SERVICE
                "0600 0100 0a00 0000",                            // AF = AF_INET6 (10)
                "0600 0200 1100 0000",                            // PROTOCOL = UDP (17)
                "1400 0300 20010db8 00000000 00000000 00000010",  // ADDR 2001:db8::10
                "0600 0400 0035 0000",                            // PORT 53
                "0800 0600 776c6300",                             // SCHED_NAME "wlc\0"
                "0c00 0700 05000000 ffffffff",                    // FLAGS: PERSISTENT (1) | ONEPACKET (4), mask ~0
                "0800 0800 2c010000",                             // TIMEOUT 300 s
                "0800 0900 40000000"                              // NETMASK: prefix length 64, host order
        )));
    }

    @Test
    void setServiceForFwmarkCarriesSchedulerFlagsAndIpv4GranularityInNetworkOrder() {
        IpvsService service = new IpvsService(IpvsServiceKey.fwmark(false, 7), "sh",
                IpvsService.SCHED_FLAG_1 | IpvsService.SCHED_FLAG_2, 60, 0xffffff00);
        assertThat(hexOf(bytes(codec.setService(command(3), service)))).isEqualTo(hexOf(hex(
                "4c000000", "1b00", "0500", "03000000", "00000000",
                "02 01 0000",                                     // IPVS_CMD_SET_SERVICE (2)
                "3800 0100",                                      // len 56, IPVS_CMD_ATTR_SERVICE
                "0600 0100 0200 0000",                            // AF = AF_INET
                "0800 0500 07000000",                             // IPVS_SVC_ATTR_FWMARK (5) = 7, host order
                "0700 0600 736800 00",                            // SCHED_NAME "sh\0"
                "0c00 0700 19000000 ffffffff",                    // FLAGS: PERSISTENT|SCHED1|SCHED2 = 0x19
                "0800 0800 3c000000",                             // TIMEOUT 60 s
                "0800 0900 ffffff00"                              // NETMASK 255.255.255.0, network order
        )));
    }

    @Test
    void newServiceWithPersistenceEngineCarriesPeName() {
        IpvsServiceKey sip = IpvsServiceKey.of(IpvsServiceKey.UDP, address("10.0.0.1"), 5060);
        IpvsService service = new IpvsService(sip, "rr", 0, 30, 0, "sip");
        assertThat(hexOf(bytes(codec.newService(command(4), service)))).isEqualTo(hexOf(hex(
                "70000000", "1b00", "0500", "04000000", "00000000",
                "01 01 0000",
                "5c00 0100",                                      // len 92, IPVS_CMD_ATTR_SERVICE
                "0600 0100 0200 0000",                            // AF_INET
                "0600 0200 1100 0000",                            // UDP
                "1400 0300 0a000001 00000000 00000000 00000000",  // ADDR 10.0.0.1
                "0600 0400 13c4 0000",                            // PORT 5060
                "0700 0600 727200 00",                            // SCHED_NAME "rr\0"
                "0800 0b00 73697000",                             // IPVS_SVC_ATTR_PE_NAME (11) = "sip\0"
                "0c00 0700 01000000 ffffffff",                    // FLAGS: PERSISTENT (set by the timeout)
                "0800 0800 1e000000",                             // TIMEOUT 30 s
                "0800 0900 ffffffff"                              // NETMASK default
        )));
    }

    @Test
    void hashedFlagIsNeverSent() {
        IpvsService service = new IpvsService(TCP4, "rr", IpvsService.HASHED | IpvsService.SCHED_FLAG_3, 0, 0);
        byte[] message = bytes(codec.newService(command(1), service));
        assertThat(hexOf(message)).contains(hexOf(hex("0c00 0700 20000000 ffffffff")));
    }

    @Test
    void deleteServiceCarriesOnlyTheKey() {
        assertThat(hexOf(bytes(codec.deleteService(command(5), TCP4)))).isEqualTo(hexOf(hex(join(
                new String[] {"44000000", "1b00", "0500", "05000000", "00000000", // len 68
                    "03 01 0000"},                                                // IPVS_CMD_DEL_SERVICE (3)
                TCP4_KEY))));
    }

    @Test
    void serviceDumpIsADumpRequestWithoutAttributes() {
        assertThat(hexOf(bytes(codec.dumpServices(dump(6))))).isEqualTo(hexOf(hex(
                "14000000",        // nlmsg_len 20
                "1b00",
                "0103",            // NLM_F_REQUEST | NLM_F_ROOT | NLM_F_MATCH (NLM_F_DUMP) = 0x301
                "06000000", "00000000",
                "04 01 0000"       // IPVS_CMD_GET_SERVICE (4)
        )));
    }

    @Test
    void newDestinationNat() {
        IpvsDestination nat = new IpvsDestination(address("10.0.0.2"), 8080, IpvsDestination.MASQUERADE, 1, 0, 0);
        assertThat(hexOf(bytes(codec.newDestination(command(7), TCP4, nat)))).isEqualTo(hexOf(hex(join(
                new String[] {"8c000000", "1b00", "0500", "07000000", "00000000", // len 140
                    "05 01 0000"},                                                // IPVS_CMD_NEW_DEST (5)
                TCP4_KEY,
                new String[] {
                    "4800 0200",                                      // len 72, IPVS_CMD_ATTR_DEST (2)
                    "0600 0b00 0200 0000",                            // IPVS_DEST_ATTR_ADDR_FAMILY (11) = AF_INET
                    "1400 0100 0a000002 00000000 00000000 00000000",  // IPVS_DEST_ATTR_ADDR (1) 10.0.0.2
                    "0600 0200 1f90 0000",                            // IPVS_DEST_ATTR_PORT (2) 8080
                    "0800 0300 00000000",                             // IPVS_DEST_ATTR_FWD_METHOD (3) MASQ
                    "0800 0400 01000000",                             // IPVS_DEST_ATTR_WEIGHT (4) 1
                    "0800 0500 00000000",                             // IPVS_DEST_ATTR_U_THRESH (5) 0
                    "0800 0600 00000000"}))));                        // IPVS_DEST_ATTR_L_THRESH (6) 0
    }

    @Test
    void setDestinationDirectRouteWithThresholds() {
        IpvsDestination dr = new IpvsDestination(address("10.0.0.3"), 80, IpvsDestination.DIRECT_ROUTE, 0, 100, 10);
        assertThat(hexOf(bytes(codec.setDestination(command(8), TCP4, dr)))).isEqualTo(hexOf(hex(join(
                new String[] {"8c000000", "1b00", "0500", "08000000", "00000000",
                    "06 01 0000"},                                                // IPVS_CMD_SET_DEST (6)
                TCP4_KEY,
                new String[] {
                    "4800 0200",
                    "0600 0b00 0200 0000",                            // AF_INET
                    "1400 0100 0a000003 00000000 00000000 00000000",  // 10.0.0.3
                    "0600 0200 0050 0000",                            // port 80
                    "0800 0300 03000000",                             // FWD_METHOD IP_VS_CONN_F_DROUTE (3)
                    "0800 0400 00000000",                             // WEIGHT 0 (inhibited)
                    "0800 0500 64000000",                             // U_THRESH 100
                    "0800 0600 0a000000"}))));                        // L_THRESH 10
    }

    @Test
    void deleteDestinationTunnelIpipCarriesTunnelTypeOnly() {
        IpvsDestination tun = new IpvsDestination(address("10.0.0.4"), 80, IpvsDestination.TUNNEL, 2, 0, 0);
        assertThat(hexOf(bytes(codec.deleteDestination(command(9), TCP4, tun)))).isEqualTo(hexOf(hex(join(
                new String[] {"94000000", "1b00", "0500", "09000000", "00000000", // len 148
                    "07 01 0000"},                                                // IPVS_CMD_DEL_DEST (7)
                TCP4_KEY,
                new String[] {
                    "5000 0200",                                      // len 80, IPVS_CMD_ATTR_DEST
                    "0600 0b00 0200 0000",
                    "1400 0100 0a000004 00000000 00000000 00000000",  // 10.0.0.4
                    "0600 0200 0050 0000",
                    "0800 0300 02000000",                             // FWD_METHOD IP_VS_CONN_F_TUNNEL (2)
                    "0800 0400 02000000",                             // WEIGHT 2
                    "0500 0d00 00 000000",                            // IPVS_DEST_ATTR_TUN_TYPE (13) u8 IPIP, pad 3
                    "0800 0500 00000000",
                    "0800 0600 00000000"}))));
    }

    @Test
    void newDestinationGueTunnelToIpv6ServerOfIpv4Service() {
        IpvsDestination gue = new IpvsDestination(address("2001:db8::20"), 80, IpvsDestination.TUNNEL, 1, 0, 0,
                IpvsDestination.TUNNEL_GUE, 6080, 1);
        assertThat(hexOf(bytes(codec.newDestination(command(10), TCP4, gue)))).isEqualTo(hexOf(hex(join(
                new String[] {"a4000000", "1b00", "0500", "0a000000", "00000000", // len 164
                    "05 01 0000"},
                TCP4_KEY,
                new String[] {
                    "6000 0200",                                      // len 96, IPVS_CMD_ATTR_DEST
                    "0600 0b00 0a00 0000",                            // ADDR_FAMILY AF_INET6: mixed family
                    "1400 0100 20010db8 00000000 00000000 00000020",  // 2001:db8::20
                    "0600 0200 0050 0000",
                    "0800 0300 02000000",                             // TUNNEL
                    "0800 0400 01000000",
                    "0500 0d00 01 000000",                            // TUN_TYPE GUE (1)
                    "0600 0e00 17c0 0000",                            // IPVS_DEST_ATTR_TUN_PORT (14) 6080, network order
                    "0600 0f00 0100 0000",                            // IPVS_DEST_ATTR_TUN_FLAGS (15) CSUM, host order
                    "0800 0500 00000000",
                    "0800 0600 00000000"}))));
    }

    @Test
    void newDestinationGreTunnelOfIpv6Service() {
        IpvsDestination gre = new IpvsDestination(address("2001:db8::30"), 53, IpvsDestination.TUNNEL, 5, 0, 0,
                IpvsDestination.TUNNEL_GRE, 0, 0);
        assertThat(hexOf(bytes(codec.newDestination(command(11), UDP6, gre)))).isEqualTo(hexOf(hex(
                "9c000000", "1b00", "0500", "0b000000", "00000000",             // len 156
                "05 01 0000",
                "3000 0100",                                      // IPVS_CMD_ATTR_SERVICE, key only
                "0600 0100 0a00 0000",                            // AF_INET6
                "0600 0200 1100 0000",                            // UDP
                "1400 0300 20010db8 00000000 00000000 00000010",
                "0600 0400 0035 0000",                            // port 53
                "5800 0200",                                      // len 88, IPVS_CMD_ATTR_DEST
                "0600 0b00 0a00 0000",
                "1400 0100 20010db8 00000000 00000000 00000030",  // 2001:db8::30
                "0600 0200 0035 0000",
                "0800 0300 02000000",
                "0800 0400 05000000",                             // WEIGHT 5
                "0500 0d00 02 000000",                            // TUN_TYPE GRE (2)
                "0600 0f00 0000 0000",                            // TUN_FLAGS NOCSUM; no TUN_PORT without GUE
                "0800 0500 00000000",
                "0800 0600 00000000")));
    }

    @Test
    void destinationDumpOfFwmarkServiceCarriesFamilyAndMark() {
        assertThat(hexOf(bytes(codec.dumpDestinations(dump(12), IpvsServiceKey.fwmark(true, 7))))).isEqualTo(hexOf(hex(
                "28000000", "1b00", "0103", "0c000000", "00000000", // len 40, NLM_F_REQUEST | NLM_F_DUMP
                "08 01 0000",                                       // IPVS_CMD_GET_DEST (8)
                "1400 0100",                                        // len 20, IPVS_CMD_ATTR_SERVICE
                "0600 0100 0a00 0000",                              // AF_INET6
                "0800 0500 07000000"                                // FWMARK 7
        )));
    }

    @Test
    void flushAndGetInfoHaveNoAttributes() {
        assertThat(hexOf(bytes(codec.flush(command(13)))))
                .isEqualTo(hexOf(hex("14000000 1b00 0500 0d000000 00000000", "11 01 0000"))); // IPVS_CMD_FLUSH (17)
        assertThat(hexOf(bytes(codec.getInfo(command(14)))))
                .isEqualTo(hexOf(hex("14000000 1b00 0500 0e000000 00000000", "0f 01 0000"))); // IPVS_CMD_GET_INFO (15)
    }

    // a command request of the IPVS family as the client begins it, little-endian
    private static NetlinkMessageWriter command(int sequence) {
        return new NetlinkMessageWriter(8192, ByteOrder.LITTLE_ENDIAN)
                .begin(IPVS, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, sequence);
    }

    private static NetlinkMessageWriter dump(int sequence) {
        return new NetlinkMessageWriter(8192, ByteOrder.LITTLE_ENDIAN)
                .begin(IPVS, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP, sequence);
    }

    static byte[] bytes(NetlinkMessageWriter request) {
        ByteBuffer message = request.finish();
        byte[] bytes = new byte[message.remaining()];
        message.duplicate().get(bytes);
        return bytes;
    }

    private static String[] join(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
