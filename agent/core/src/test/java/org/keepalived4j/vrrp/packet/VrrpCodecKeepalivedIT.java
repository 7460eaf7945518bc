package org.keepalived4j.vrrp.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Captures fresh advertisements from the installed keepalived, with the golden scenarios'
 * configs, and checks that the codec reads them exactly like the committed golden vectors.
 * Needs root, {@code ip}, {@code tcpdump} and {@code keepalived}; fails if any is missing.
 */
class VrrpCodecKeepalivedIT {

    private static final String NS_A = "codecita";
    private static final String NS_B = "codecitb";

    private final VrrpCodec codec = new VrrpCodec();
    private final List<Process> processes = new ArrayList<>();

    @TempDir
    Path work;

    @BeforeEach
    void createLink() throws Exception {
        deleteNamespaces();
        run("ip", "netns", "add", NS_A);
        run("ip", "netns", "add", NS_B);
        run("ip", "-n", NS_A, "link", "add", "cgx", "type", "veth", "peer", "name", "cgy", "netns", NS_B);
        run("ip", "-n", NS_A, "addr", "add", "10.98.51.1/24", "dev", "cgx");
        run("ip", "-n", NS_B, "addr", "add", "10.98.51.2/24", "dev", "cgy");
        for (String[] link : new String[][] {{NS_A, "cgx"}, {NS_B, "cgy"}, {NS_A, "lo"}, {NS_B, "lo"}}) {
            run("ip", "-n", link[0], "link", "set", link[1], "up");
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        // keepalived's VRRP child, if its parent died abruptly, still runs in our namespace.
        for (String namespace : List.of(NS_A, NS_B)) {
            for (String pid : output("ip", "netns", "pids", namespace).split("\\s+")) {
                if (pid.matches("\\d+")) {
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
        deleteNamespaces();
    }

    @Test
    void readsFreshV2AndV3Ipv4AdvertisementsLikeTheGoldenOnes() throws Exception {
        for (String scenario : List.of("v2-pass", "v3-ipv4")) {
            List<byte[]> packets = capture(scenario);
            byte[] master = packets.get(0);
            byte[] resign = packets.get(packets.size() - 1);
            assertThat(master).as(scenario).isEqualTo(GoldenPackets.load(scenario));
            assertThat(Arrays.copyOfRange(resign, 20, resign.length))
                    .isEqualTo(Arrays.copyOfRange(GoldenPackets.load(scenario + "-prio0"), 20, resign.length));
            for (byte[] packet : packets) {
                assertThat(codec.decodeIpv4(ByteBuffer.wrap(packet)).valid()).isTrue();
            }
        }
    }

    @Test
    void readsFreshV3Ipv6Advertisements() throws Exception {
        waitForLinkLocalAddress();
        List<byte[]> packets = capture("v3-ipv6");
        VrrpPacket golden = decodeIpv6(GoldenPackets.load("v3-ipv6")).packet();
        for (byte[] packet : packets) {
            VrrpDecodeResult result = decodeIpv6(packet);
            assertThat(result.valid()).as(result.toString()).isTrue();
            assertThat(result.packet().addresses()).isEqualTo(golden.addresses());
            assertThat(result.packet().advertInterval()).isEqualTo(golden.advertInterval());
        }
        assertThat(decodeIpv6(packets.get(0)).packet().priority()).isEqualTo(110);
        assertThat(decodeIpv6(packets.get(packets.size() - 1)).packet().priority()).isZero();
    }

    private VrrpDecodeResult decodeIpv6(byte[] packet) {
        return codec.decodeIpv6(GoldenPackets.ipv6Message(packet), GoldenPackets.ipv6Source(packet),
                GoldenPackets.ipv6Destination(packet), GoldenPackets.ipv6HopLimit(packet), true);
    }

    /** Runs keepalived until it is MASTER plus two seconds, stops it, returns the VRRP packets seen. */
    private List<byte[]> capture(String scenario) throws Exception {
        Path config = work.resolve(scenario + ".conf");
        try (InputStream in = getClass().getResourceAsStream("golden/" + scenario + ".conf")) {
            Files.write(config, in.readAllBytes());
        }
        Path pcap = work.resolve(scenario + ".pcap");
        Process tcpdump = start(work.resolve(scenario + ".tcpdump.log"), "ip", "netns", "exec", NS_B, "tcpdump",
                "-i", "cgy", "-U", "-n", "-w", pcap.toString(), "ip proto 112 or ip6 proto 112");
        Thread.sleep(1000);
        Path log = work.resolve(scenario + ".keepalived.log");
        Process keepalived = start(log, "ip", "netns", "exec", NS_A, "keepalived", "-n", "-l", "-D", "-P",
                "-f", config.toString(), "-p", work.resolve(scenario + ".pid").toString(),
                "-r", work.resolve(scenario + ".vrrp.pid").toString(),
                "-c", work.resolve(scenario + ".check.pid").toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!Files.readString(log).contains("Entering MASTER STATE")) {
            assertThat(System.nanoTime()).as("keepalived MASTER in time: " + Files.readString(log)).isLessThan(deadline);
            Thread.sleep(100);
        }
        Thread.sleep(2000);
        keepalived.destroy(); // SIGTERM: keepalived resigns with a priority-0 advertisement
        assertThat(keepalived.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(500);
        tcpdump.destroy();
        assertThat(tcpdump.waitFor(10, TimeUnit.SECONDS)).isTrue();
        List<byte[]> packets = PcapReader.ipPackets(Files.readAllBytes(pcap));
        assertThat(packets).as(scenario + " packets").hasSizeGreaterThanOrEqualTo(2);
        return packets;
    }

    private void waitForLinkLocalAddress() throws Exception {
        for (int i = 0; i < 50; i++) {
            String addresses = output("ip", "-n", NS_A, "-6", "addr", "show", "dev", "cgx");
            if (addresses.contains("scope link") && !addresses.contains("tentative")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no usable IPv6 link-local address on cgx");
    }

    private Process start(Path log, String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        return process;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }

    private static String output(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    private static void deleteNamespaces() throws Exception {
        for (String namespace : List.of(NS_A, NS_B)) {
            new ProcessBuilder("ip", "netns", "del", namespace).redirectErrorStream(true).start().waitFor();
        }
    }

    /** Reads the IPv4/IPv6 packets carrying VRRP from a classic pcap file of an Ethernet link. */
    static final class PcapReader {

        private PcapReader() {
        }

        static List<byte[]> ipPackets(byte[] file) {
            ByteBuffer pcap = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
            int magic = pcap.getInt(0);
            if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
                pcap.order(ByteOrder.BIG_ENDIAN);
            }
            assertThat(pcap.getInt(20)).as("link type Ethernet").isEqualTo(1);
            List<byte[]> packets = new ArrayList<>();
            for (int position = 24; position + 16 <= file.length; ) {
                int captured = pcap.getInt(position + 8);
                int frame = position + 16;
                position = frame + captured;
                int etherType = ((file[frame + 12] & 0xff) << 8) | (file[frame + 13] & 0xff);
                int ip = frame + 14;
                if (etherType == 0x0800 && file[ip + 9] == 112) {
                    packets.add(Arrays.copyOfRange(file, ip, ip + (((file[ip + 2] & 0xff) << 8) | (file[ip + 3] & 0xff))));
                } else if (etherType == 0x86dd && file[ip + 6] == 112) {
                    packets.add(Arrays.copyOfRange(file, ip, ip + 40 + (((file[ip + 4] & 0xff) << 8) | (file[ip + 5] & 0xff))));
                }
            }
            return packets;
        }
    }
}
