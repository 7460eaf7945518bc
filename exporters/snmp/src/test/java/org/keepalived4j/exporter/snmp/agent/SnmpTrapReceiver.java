package org.keepalived4j.exporter.snmp.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real snmptrapd on a loopback port of its own, logging every notification with numeric OIDs
 * to a file the test reads. SNMPv1/v2c community {@code public}; SNMPv3 user {@code monitor}
 * (SHA-256/AES) for informs (its own engine) and for traps from {@code trapEngineId}.
 */
final class SnmpTrapReceiver implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private SnmpTrapReceiver(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static SnmpTrapReceiver start(Path dir, String trapEngineId) throws IOException, InterruptedException {
        NetSnmpTool.require("/usr/sbin/snmptrapd");
        Path conf = dir.resolve("snmptrapd.conf");
        Files.writeString(conf, String.join("\n",
                "createUser -e " + trapEngineId + " monitor SHA-256 authpass1 AES privpass1",
                "createUser monitor SHA-256 authpass1 AES privpass1",
                "authUser log monitor priv",
                "authCommunity log public", ""));
        Path log = dir.resolve("traps.log");
        Files.writeString(log, "");
        Path persistent = Files.createDirectories(dir.resolve("persistent"));
        for (int attempt = 0; ; attempt++) {
            int port = freeUdpPort();
            ProcessBuilder pb = new ProcessBuilder("/usr/sbin/snmptrapd", "-f", "-n", "-On", "-m", "", "-Lf", log.toString(),
                    "-C", "-c", conf.toString(), "udp:127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("snmptrapd.out").toFile());
            pb.environment().put("SNMP_PERSISTENT_DIR", persistent.toString());
            Process p = pb.start();
            // snmptrapd writes its version line to the log once it listens
            for (int i = 0; i < 100 && p.isAlive() && !Files.readString(log).contains("NET-SNMP version"); i++) {
                Thread.sleep(100);
            }
            if (p.isAlive() && Files.readString(log).contains("NET-SNMP version")) {
                return new SnmpTrapReceiver(p, log, port);
            }
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertThat(attempt).as("snmptrapd started: %s", Files.readString(dir.resolve("snmptrapd.out"))).isLessThan(3);
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    /** Every line logged so far. */
    List<String> lines() throws IOException {
        return Files.readAllLines(log);
    }

    /** Waits (up to a generous minute) for a line containing {@code marker}; returns it with the line after it. */
    List<String> await(String marker) throws IOException, InterruptedException {
        for (int i = 0; i < 6000; i++) {
            List<String> lines = lines();
            for (int j = 0; j < lines.size(); j++) {
                if (lines.get(j).contains(marker)) {
                    return lines.subList(Math.max(0, j - 2), Math.min(lines.size(), j + 3));
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no notification with " + marker + " in " + lines());
    }

    /** How many logged lines contain {@code marker}. */
    long count(String marker) throws IOException {
        return lines().stream().filter(l -> l.contains(marker)).count();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
