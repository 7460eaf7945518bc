package org.keepalived4j.exporter.snmp.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The kernel's UDP counters (/proc/net/snmp), to tell datagrams a full receiver dropped from ones never sent. */
final class UdpStatistics {

    private UdpStatistics() {
    }

    /** Udp RcvbufErrors: datagrams dropped because a socket's receive buffer was full. */
    static long receiveBufferErrors() throws IOException {
        List<String> udp = Files.readAllLines(Path.of("/proc/net/snmp")).stream().filter(l -> l.startsWith("Udp:")).toList();
        List<String> names = Arrays.asList(udp.get(0).split("\\s+"));
        return Long.parseLong(udp.get(1).split("\\s+")[names.indexOf("RcvbufErrors")]);
    }
}
