package org.keepalived4j.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keepalived4j.ipvs.IpvsMessageCodecTest.address;
import static org.keepalived4j.linux.HexBytes.hex;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalived4j.linux.Netlink;
import org.keepalived4j.linux.NetlinkMessage;
import org.keepalived4j.linux.NetlinkMessages;
import org.keepalived4j.linux.NetlinkReplies;

class IpvsReplyParserTest {

    private final IpvsReplyParser parser = new IpvsReplyParser();

    @Test
    void readsTheIpvsVersion() throws Exception {
        IpvsInfo info = parser.info(collect(14, GoldenReplies.info(14),
                GoldenReplies.ack(14)));
        assertThat(info).isEqualTo(new IpvsInfo(0x010201, 4096));
        assertThat(info.versionString()).isEqualTo("1.2.1");
    }

    @Test
    void readsAServiceDumpWithTwoServices() throws Exception {
        List<NetlinkMessage> reply = collect(5, GoldenReplies.serviceDump(5));
        assertThat(reply).hasSize(2);
        IpvsService first = parser.service(reply.get(0));
        IpvsService second = parser.service(reply.get(1));
        assertThat(first).isEqualTo(new IpvsService(
                IpvsServiceKey.of(IpvsServiceKey.TCP, address("192.168.1.10"), 80), "rr", 0, 0, 0xffffffff));
        assertThat(second).isEqualTo(new IpvsService(IpvsServiceKey.fwmark(true, 7), "sh",
                IpvsService.PERSISTENT | IpvsService.SCHED_FLAG_1 | IpvsService.SCHED_FLAG_2, 60, 64, "sip"));
        assertThat(second.flags() & IpvsService.HASHED).isZero();
    }

    @Test
    void readsADestinationDump() throws Exception {
        List<NetlinkMessage> reply = collect(6, GoldenReplies.destinationDump(6), NetlinkReplies.done(6, 0));
        List<IpvsDestination> destinations = List.of(parser.destination(reply.get(0), false),
                parser.destination(reply.get(1), false));
        assertThat(destinations).containsExactly(
                new IpvsDestination(address("10.0.0.2"), 8080, IpvsDestination.MASQUERADE, 1, 0, 0),
                new IpvsDestination(address("2001:db8::20"), 80, IpvsDestination.TUNNEL, 0, 100, 10,
                        IpvsDestination.TUNNEL_GUE, 6080, 1));
    }

    @Test
    void destinationWithoutAddressFamilyTakesTheServiceFamily() throws Exception {
        byte[] oldKernelDest = hex(
                "54000000", "1b00", "0200", "07000000", "34120000", // len 84
                "05 01 0000",
                "4000 0200",                                      // len 64, no ADDR_FAMILY (before Linux 3.18)
                "1400 0100 20010db8 00000000 00000000 00000040",  // 2001:db8::40
                "0600 0200 0050 0000",
                "0800 0300 03000000",                             // DR
                "0800 0400 07000000",                             // weight 7
                "0800 0500 00000000",
                "0800 0600 00000000",
                "14000000 0300 0200 07000000 34120000 00000000");
        List<NetlinkMessage> reply = collect(7, oldKernelDest);
        assertThat(parser.destination(reply.get(0), true)).isEqualTo(
                new IpvsDestination(address("2001:db8::40"), 80, IpvsDestination.DIRECT_ROUTE, 7, 0, 0));
    }

    @Test
    void rejectsAServiceWithoutItsMandatoryAttributes() throws Exception {
        byte[] noScheduler = hex(
                "30000000", "1b00", "0200", "08000000", "34120000", // len 48
                "01 01 0000",
                "1c00 0100",                                      // len 28
                "0600 0100 0200 0000",
                "0800 0500 07000000",
                "0800 0800 00000000",
                "14000000 0300 0200 08000000 34120000 00000000");
        List<NetlinkMessage> reply = collect(8, noScheduler);
        assertThatThrownBy(() -> parser.service(reply.get(0)))
                .isInstanceOf(MalformedReplyException.class).hasMessageContaining("missing");
    }

    @Test
    void rejectsAnUnknownAddressFamily() throws Exception {
        byte[] badFamily = hex(
                "30000000", "1b00", "0200", "09000000", "34120000",
                "01 01 0000",
                "1c00 0100",
                "0600 0100 0700 0000",                            // AF 7: neither inet nor inet6
                "0800 0500 07000000",
                "0800 0800 00000000",
                "14000000 0300 0200 09000000 34120000 00000000");
        List<NetlinkMessage> reply = collect(9, badFamily);
        assertThatThrownBy(() -> parser.service(reply.get(0)))
                .isInstanceOf(MalformedReplyException.class).hasMessageContaining("address family 7");
    }

    /** The data messages of little-endian datagrams, as the channel hands them over. */
    static List<NetlinkMessage> collect(int sequence, byte[]... datagrams) {
        List<NetlinkMessage> messages = new java.util.ArrayList<>();
        for (byte[] datagram : datagrams) {
            for (NetlinkMessage message : NetlinkMessages.split(ByteBuffer.wrap(datagram).order(ByteOrder.LITTLE_ENDIAN))) {
                if (message.sequence() == sequence && message.type() > Netlink.NLMSG_OVERRUN) {
                    messages.add(message);
                }
            }
        }
        return messages;
    }
}
