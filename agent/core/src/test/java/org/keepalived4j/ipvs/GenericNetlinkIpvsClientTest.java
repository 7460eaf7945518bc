package org.keepalived4j.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keepalived4j.ipvs.IpvsMessageCodecTest.address;
import static org.keepalived4j.ipvs.IpvsMessageCodecTest.bytes;
import static org.keepalived4j.linux.HexBytes.hex;
import static org.keepalived4j.linux.HexBytes.hexOf;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.linux.Errno;
import org.keepalived4j.linux.HexBytes;
import org.keepalived4j.linux.LittleEndianHost;
import org.keepalived4j.linux.Netlink;
import org.keepalived4j.linux.NetlinkMessageWriter;
import org.keepalived4j.linux.NetlinkReplies;
import org.keepalived4j.linux.ScriptedNetlinkKernel;

/** The client over the one netlink channel, against recorded little-endian kernel replies. */
@ExtendWith(LittleEndianHost.class)
class GenericNetlinkIpvsClientTest {

    private static final IpvsServiceKey TCP4 = IpvsServiceKey.of(IpvsServiceKey.TCP, address("192.168.1.10"), 80);
    private static final IpvsMessageCodec CODEC = new IpvsMessageCodec();

    @TempDir
    Path dir;

    private final ScriptedNetlinkKernel kernel = new ScriptedNetlinkKernel();
    private final List<String> moduleLoads = new ArrayList<>();

    @Test
    void resolvesTheFamilyAndReadsTheVersion() {
        GenericNetlinkIpvsClient client = openWithIpvs();
        assertThat(client.available()).isTrue();
        assertThat(client.info()).contains(new IpvsInfo(0x010201, 4096));
        assertThat(client.unavailableReason()).isEmpty();
        assertThat(hexOf(kernel.requests().get(1))).isEqualTo(hexOf(hex(
                "14000000 1b00 0500 02000000 00000000", "0f 01 0000"))); // IPVS_CMD_GET_INFO to family 0x1b
        assertThat(moduleLoads).isEmpty();
    }

    @Test
    void withoutTheFamilyTriesTheModuleOnceThenRunsMonitorOnly() {
        kernel.then(seq -> new byte[][] {NetlinkReplies.error(seq, 2, NetlinkReplies.getFamilyHeader(seq))})
                .then(seq -> new byte[][] {NetlinkReplies.error(seq, 2, NetlinkReplies.getFamilyHeader(seq))});
        GenericNetlinkIpvsClient client = open();
        assertThat(client.available()).isFalse();
        assertThat(moduleLoads).hasSize(1);
        assertThat(client.unavailableReason()).get().asString()
                .contains("\"IPVS\" not registered", "ENOENT", "modprobe stand-in", "ip_vs absent");
        assertThat(kernel.closed()).isTrue();
        assertThat(kernel.requests()).hasSize(2);
    }

    @Test
    void monitorOnlyClientRefusesEveryCallWithoutTouchingTheKernel() {
        kernel.then(seq -> new byte[][] {NetlinkReplies.error(seq, 2, NetlinkReplies.getFamilyHeader(seq))})
                .then(seq -> new byte[][] {NetlinkReplies.error(seq, 2, NetlinkReplies.getFamilyHeader(seq))});
        GenericNetlinkIpvsClient client = open();
        IpvsService service = new IpvsService(TCP4, "rr", 0, 0, 0);
        IpvsDestination dest = new IpvsDestination(address("10.0.0.2"), 80, 0, 1, 0, 0);
        List<ThrowingCall> calls = List.of(client::services, () -> client.addService(service),
                () -> client.updateService(service), () -> client.deleteService(TCP4), () -> client.destinations(TCP4),
                () -> client.addDestination(TCP4, dest), () -> client.updateDestination(TCP4, dest),
                () -> client.deleteDestination(TCP4, dest), client::flush);
        for (ThrowingCall call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(IpvsException.class).hasMessageContaining("not available");
        }
        assertThat(kernel.requests()).hasSize(2);
        client.close();
    }

    @Test
    void theFamilyAppearingAfterModuleLoadMakesIpvsAvailable() {
        kernel.then(seq -> new byte[][] {NetlinkReplies.error(seq, 2, NetlinkReplies.getFamilyHeader(seq))})
                .then(seq -> new byte[][] {NetlinkReplies.ipvsFamily(seq), GoldenReplies.ack(seq)})
                .then(seq -> new byte[][] {GoldenReplies.info(seq), GoldenReplies.ack(seq)});
        assertThat(open().available()).isTrue();
        assertThat(moduleLoads).hasSize(1);
    }

    @Test
    void getInfoRefusedForLackOfPrivilegeMeansUnavailable() {
        kernel.then(seq -> new byte[][] {NetlinkReplies.ipvsFamily(seq), GoldenReplies.ack(seq)})
                .then(seq -> new byte[][] {GoldenReplies.error(seq, 1)});
        GenericNetlinkIpvsClient client = open();
        assertThat(client.available()).isFalse();
        assertThat(client.unavailableReason()).get().asString().contains("EPERM", "CAP_NET_ADMIN");
    }

    @Test
    void aSocketThatCannotBeOpenedMeansUnavailable() {
        GenericNetlinkIpvsClient client = GenericNetlinkIpvsClient.open(() -> {
            throw new IOException("socket(AF_NETLINK, 16) failed: Address family not supported by protocol");
        }, this::loadModule, dir.resolve("ip_vs"));
        assertThat(client.available()).isFalse();
        assertThat(client.unavailableReason()).get().asString().contains("Address family not supported");
    }

    @Test
    void procIpVsIsReportedAsAHintOnly() throws IOException {
        Files.writeString(dir.resolve("ip_vs"), "IP Virtual Server version 1.2.1\n");
        kernel.then(seq -> new byte[][] {NetlinkReplies.error(seq, 2, NetlinkReplies.getFamilyHeader(seq))})
                .then(seq -> new byte[][] {NetlinkReplies.error(seq, 2, NetlinkReplies.getFamilyHeader(seq))});
        GenericNetlinkIpvsClient client = open();
        assertThat(client.available()).isFalse();
        assertThat(client.unavailableReason()).get().asString().contains("ip_vs present");
    }

    @Test
    void listsServicesFromADump() throws IpvsException {
        GenericNetlinkIpvsClient client = openWithIpvs();
        kernel.then(seq -> new byte[][] {GoldenReplies.serviceDump(seq)});
        List<IpvsService> services = client.services();
        assertThat(hexOf(kernel.requests().get(2))).isEqualTo(hexOf(hex(
                "14000000 1b00 0103 03000000 00000000", "04 01 0000"))); // NLM_F_REQUEST | NLM_F_DUMP, GET_SERVICE
        assertThat(services).extracting(IpvsService::key)
                .containsExactly(TCP4, IpvsServiceKey.fwmark(true, 7));
    }

    @Test
    void listsDestinationsFromADumpSpanningTwoDatagrams() throws IpvsException {
        GenericNetlinkIpvsClient client = openWithIpvs();
        kernel.then(seq -> new byte[][] {GoldenReplies.destinationDump(seq), NetlinkReplies.done(seq, 0)});
        List<IpvsDestination> destinations = client.destinations(TCP4);
        assertThat(hexOf(kernel.requests().get(2)))
                .isEqualTo(hexOf(expected(Netlink.NLM_F_DUMP, 3, r -> CODEC.dumpDestinations(r, TCP4))));
        assertThat(destinations).extracting(IpvsDestination::label).containsExactly("10.0.0.2:8080", "[2001:db8::20]:80");
    }

    @Test
    void readsAnInterruptedDumpAgain() throws IpvsException {
        GenericNetlinkIpvsClient client = openWithIpvs();
        kernel.then(seq -> {
            byte[] dump = GoldenReplies.serviceDump(seq);
            dump[6] |= 0x10; // NLM_F_DUMP_INTR
            return new byte[][] {dump};
        }).then(seq -> new byte[][] {GoldenReplies.serviceDump(seq)});
        assertThat(client.services()).hasSize(2);
        assertThat(kernel.requests()).hasSize(4);
    }

    @Test
    void sendsMutationsAsCommandsAndAcceptsTheirAck() throws IpvsException {
        GenericNetlinkIpvsClient client = openWithIpvs();
        IpvsService service = new IpvsService(TCP4, "wrr", 0, 0, 0);
        IpvsDestination dest = new IpvsDestination(address("10.0.0.2"), 8080, 0, 3, 0, 0);
        for (int i = 0; i < 7; i++) {
            kernel.then(seq -> new byte[][] {GoldenReplies.ack(seq)});
        }
        client.addService(service);
        client.updateService(service);
        client.addDestination(TCP4, dest);
        client.updateDestination(TCP4, dest);
        client.deleteDestination(TCP4, dest);
        client.deleteService(TCP4);
        client.flush();
        int ack = Netlink.NLM_F_ACK;
        assertThat(kernel.requests().subList(2, 9)).extracting(HexBytes::hexOf).containsExactly(
                hexOf(expected(ack, 3, r -> CODEC.newService(r, service))),
                hexOf(expected(ack, 4, r -> CODEC.setService(r, service))),
                hexOf(expected(ack, 5, r -> CODEC.newDestination(r, TCP4, dest))),
                hexOf(expected(ack, 6, r -> CODEC.setDestination(r, TCP4, dest))),
                hexOf(expected(ack, 7, r -> CODEC.deleteDestination(r, TCP4, dest))),
                hexOf(expected(ack, 8, r -> CODEC.deleteService(r, TCP4))),
                hexOf(hex("14000000 1b00 0500 09000000 00000000", "11 01 0000"))); // IPVS_CMD_FLUSH
    }

    @Test
    void aKernelErrorBecomesAnIpvsExceptionWithErrno() {
        GenericNetlinkIpvsClient client = openWithIpvs();
        kernel.then(seq -> new byte[][] {GoldenReplies.error(seq, 17)});
        assertThatThrownBy(() -> client.addService(new IpvsService(TCP4, "rr", 0, 0, 0)))
                .isInstanceOf(IpvsException.class)
                .hasMessage("add service TCP 192.168.1.10:80 failed: File exists (EEXIST)")
                .extracting(e -> ((IpvsException) e).errno()).isEqualTo(Errno.EEXIST);
    }

    @Test
    void noReplyBecomesAnIpvsExceptionWithEtimedout() {
        GenericNetlinkIpvsClient client = openWithIpvs();
        kernel.then(seq -> new byte[0][]);
        assertThatThrownBy(client::flush).isInstanceOf(IpvsException.class).hasMessageContaining("no netlink reply")
                .extracting(e -> ((IpvsException) e).errno()).isEqualTo(Errno.ETIMEDOUT);
    }

    private GenericNetlinkIpvsClient openWithIpvs() {
        kernel.then(seq -> new byte[][] {NetlinkReplies.ipvsFamily(seq), GoldenReplies.ack(seq)})
                .then(seq -> new byte[][] {GoldenReplies.info(seq), GoldenReplies.ack(seq)});
        return open();
    }

    private GenericNetlinkIpvsClient open() {
        return GenericNetlinkIpvsClient.open(kernel::channel, this::loadModule, dir.resolve("ip_vs"));
    }

    private static byte[] expected(int flags, int sequence, UnaryOperator<NetlinkMessageWriter> request) {
        return bytes(request.apply(new NetlinkMessageWriter(8192, ByteOrder.LITTLE_ENDIAN)
                .begin(0x1b, Netlink.NLM_F_REQUEST | flags, sequence)));
    }

    private String loadModule() {
        moduleLoads.add("ip_vs");
        return "modprobe stand-in: exit 1";
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }
}
