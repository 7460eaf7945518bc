package org.keepalived4j.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keepalived4j.ipvs.HexBytes.hexOf;
import static org.keepalived4j.ipvs.IpvsMessageCodecTest.address;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenericNetlinkIpvsClientTest {

    private static final IpvsServiceKey TCP4 = IpvsServiceKey.of(IpvsServiceKey.TCP, address("192.168.1.10"), 80);
    private static final IpvsMessageCodec CODEC = new IpvsMessageCodec(ByteOrder.LITTLE_ENDIAN);

    @TempDir
    Path dir;

    private final ScriptedNetlinkTransport kernel = new ScriptedNetlinkTransport();
    private final List<String> moduleLoads = new ArrayList<>();

    @Test
    void resolvesTheFamilyAndReadsTheVersion() {
        GenericNetlinkIpvsClient client = openWithIpvs();
        assertThat(client.available()).isTrue();
        assertThat(client.info()).contains(new IpvsInfo(0x010201, 4096));
        assertThat(client.unavailableReason()).isEmpty();
        assertThat(hexOf(kernel.requests.get(0))).isEqualTo(hexOf(CODEC.getFamily(1, "IPVS")));
        assertThat(hexOf(kernel.requests.get(1))).isEqualTo(hexOf(CODEC.getInfo(0x1b, 2)));
        assertThat(moduleLoads).isEmpty();
    }

    @Test
    void withoutTheFamilyTriesTheModuleOnceThenRunsMonitorOnly() {
        kernel.then(seq -> new byte[][] {GoldenReplies.error(seq, 2, GoldenReplies.getFamilyHeader(seq))})
                .then(seq -> new byte[][] {GoldenReplies.error(seq, 2, GoldenReplies.getFamilyHeader(seq))});
        GenericNetlinkIpvsClient client = open();
        assertThat(client.available()).isFalse();
        assertThat(moduleLoads).hasSize(1);
        assertThat(client.unavailableReason()).get().asString()
                .contains("\"IPVS\" not registered", "ENOENT", "modprobe stand-in", "ip_vs absent");
        assertThat(kernel.closed).isTrue();
        assertThat(kernel.requests).hasSize(2);
    }

    @Test
    void monitorOnlyClientRefusesEveryCallWithoutTouchingTheKernel() {
        kernel.then(seq -> new byte[][] {GoldenReplies.error(seq, 2, GoldenReplies.getFamilyHeader(seq))})
                .then(seq -> new byte[][] {GoldenReplies.error(seq, 2, GoldenReplies.getFamilyHeader(seq))});
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
        assertThat(kernel.requests).hasSize(2);
        client.close();
    }

    @Test
    void theFamilyAppearingAfterModuleLoadMakesIpvsAvailable() {
        kernel.then(seq -> new byte[][] {GoldenReplies.error(seq, 2, GoldenReplies.getFamilyHeader(seq))})
                .then(seq -> new byte[][] {GoldenReplies.ipvsFamily(seq), GoldenReplies.ack(seq)})
                .then(seq -> new byte[][] {GoldenReplies.info(seq), GoldenReplies.ack(seq)});
        assertThat(open().available()).isTrue();
        assertThat(moduleLoads).hasSize(1);
    }

    @Test
    void getInfoRefusedForLackOfPrivilegeMeansUnavailable() {
        kernel.then(seq -> new byte[][] {GoldenReplies.ipvsFamily(seq), GoldenReplies.ack(seq)})
                .then(seq -> new byte[][] {GoldenReplies.error(seq, 1)});
        GenericNetlinkIpvsClient client = open();
        assertThat(client.available()).isFalse();
        assertThat(client.unavailableReason()).get().asString().contains("EPERM", "CAP_NET_ADMIN");
    }

    @Test
    void aSocketThatCannotBeOpenedMeansUnavailable() {
        GenericNetlinkIpvsClient client = GenericNetlinkIpvsClient.open(() -> {
            throw new IOException("socket: Address family not supported by protocol (errno 97)");
        }, this::loadModule, dir.resolve("ip_vs"));
        assertThat(client.available()).isFalse();
        assertThat(client.unavailableReason()).get().asString().contains("errno 97");
    }

    @Test
    void procIpVsIsReportedAsAHintOnly() throws IOException {
        Files.writeString(dir.resolve("ip_vs"), "IP Virtual Server version 1.2.1\n");
        kernel.then(seq -> new byte[][] {GoldenReplies.error(seq, 2, GoldenReplies.getFamilyHeader(seq))})
                .then(seq -> new byte[][] {GoldenReplies.error(seq, 2, GoldenReplies.getFamilyHeader(seq))});
        GenericNetlinkIpvsClient client = open();
        assertThat(client.available()).isFalse();
        assertThat(client.unavailableReason()).get().asString().contains("ip_vs present");
    }

    @Test
    void listsServicesFromADump() throws IpvsException {
        GenericNetlinkIpvsClient client = openWithIpvs();
        kernel.then(seq -> new byte[][] {GoldenReplies.serviceDump(seq)});
        List<IpvsService> services = client.services();
        assertThat(hexOf(kernel.requests.get(2))).isEqualTo(hexOf(CODEC.dumpServices(0x1b, 3)));
        assertThat(services).extracting(IpvsService::key)
                .containsExactly(TCP4, IpvsServiceKey.fwmark(true, 7));
    }

    @Test
    void listsDestinationsFromADumpSpanningTwoDatagrams() throws IpvsException {
        GenericNetlinkIpvsClient client = openWithIpvs();
        kernel.then(seq -> new byte[][] {GoldenReplies.destinationDump(seq), GoldenReplies.done(seq, 0)});
        List<IpvsDestination> destinations = client.destinations(TCP4);
        assertThat(hexOf(kernel.requests.get(2))).isEqualTo(hexOf(CODEC.dumpDestinations(0x1b, 3, TCP4)));
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
        assertThat(kernel.requests).hasSize(4);
    }

    @Test
    void sendsMutationsAndAcceptsTheirAck() throws IpvsException {
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
        assertThat(kernel.requests.subList(2, 9)).extracting(HexBytes::hexOf).containsExactly(
                hexOf(CODEC.newService(0x1b, 3, service)), hexOf(CODEC.setService(0x1b, 4, service)),
                hexOf(CODEC.newDestination(0x1b, 5, TCP4, dest)), hexOf(CODEC.setDestination(0x1b, 6, TCP4, dest)),
                hexOf(CODEC.deleteDestination(0x1b, 7, TCP4, dest)), hexOf(CODEC.deleteService(0x1b, 8, TCP4)),
                hexOf(CODEC.flush(0x1b, 9)));
    }

    @Test
    void aKernelErrorBecomesAnIpvsExceptionWithErrno() {
        GenericNetlinkIpvsClient client = openWithIpvs();
        kernel.then(seq -> new byte[][] {GoldenReplies.error(seq, 17)});
        assertThatThrownBy(() -> client.addService(new IpvsService(TCP4, "rr", 0, 0, 0)))
                .isInstanceOf(IpvsException.class)
                .hasMessage("cannot add service TCP 192.168.1.10:80: File exists (EEXIST)")
                .extracting(e -> ((IpvsException) e).errno()).isEqualTo(17);
    }

    @Test
    void aTimeoutBecomesAnIpvsException() {
        GenericNetlinkIpvsClient client = openWithIpvs();
        kernel.then(seq -> {
            throw new InterruptedIOException("no complete netlink reply to request " + seq + " within 5000 ms");
        });
        assertThatThrownBy(client::flush).isInstanceOf(IpvsException.class).hasMessageContaining("within 5000 ms");
    }

    private GenericNetlinkIpvsClient openWithIpvs() {
        kernel.then(seq -> new byte[][] {GoldenReplies.ipvsFamily(seq), GoldenReplies.ack(seq)})
                .then(seq -> new byte[][] {GoldenReplies.info(seq), GoldenReplies.ack(seq)});
        return open();
    }

    private GenericNetlinkIpvsClient open() {
        return GenericNetlinkIpvsClient.open(() -> kernel, this::loadModule, dir.resolve("ip_vs"));
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
