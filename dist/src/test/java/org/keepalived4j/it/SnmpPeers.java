package org.keepalived4j.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * net-snmp's real daemons in a namespace, for the SNMP tests: snmptrapd writing every
 * notification it receives to a file, one line each, and snmpd as AgentX master (as keepalived
 * uses it) with its own UDP agent and a trap sink; and snmpwalk. OIDs are numeric (-On): Debian
 * ships no SNMPv2-SMI, so net-snmp cannot load the MIBs by name. Stopped and cleaned on close.
 */
final class SnmpPeers implements AutoCloseable {

    /** One varbind as net-snmp prints it: {@code OID = TYPE: VALUE}. */
    record Varbind(String oid, String type, String value) {
    }

    /** One received notification: its OID (snmpTrapOID.0) and every varbind, sysUpTime.0 first. */
    record Trap(String oid, List<Varbind> varbinds) {

        /** The varbinds after sysUpTime.0 and snmpTrapOID.0: the notification's own objects. */
        List<Varbind> objects() {
            return varbinds.subList(Math.min(2, varbinds.size()), varbinds.size());
        }

        /**
         * The notification as one line to compare: every varbind as {@code OID = TYPE: VALUE},
         * joined by {@code " | "}, its OID as {@code oids} makes it; sysUpTime.0's value (the
         * sender's uptime) as {@code *}.
         */
        String line(UnaryOperator<String> oids) {
            List<String> out = new ArrayList<>();
            for (Varbind v : varbinds) {
                String value = v.oid().equals(SYS_UP_TIME) ? "*" : v.value();
                out.add(oids.apply(v.oid()) + " = " + v.type() + ": " + value);
            }
            return String.join(" | ", out);
        }

        String line() {
            return line(UnaryOperator.identity());
        }
    }

    static final String SYS_UP_TIME = ".1.3.6.1.2.1.1.3.0";
    static final String SNMP_TRAP_OID = ".1.3.6.1.6.3.1.1.4.1.0";
    private static final Pattern VARBIND = Pattern.compile("(\\.[0-9.]+) = (?:([A-Za-z0-9-]+): )?(.*)");

    private final String namespace;
    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private Path agentxSocket;
    private Process snmpd;

    SnmpPeers(String namespace, Path dir) {
        this.namespace = namespace;
        this.dir = dir;
    }

    /** Starts snmptrapd on {@code udp:127.0.0.1:port}, logging to traps.log. */
    SnmpPeers trapReceiver(int port) throws IOException {
        Path conf = dir.resolve("snmptrapd.conf");
        Files.writeString(conf, "disableAuthorization yes\nformat2 TRAP %V~%v\\n\n");
        Files.deleteIfExists(trapLog());
        start(List.of("snmptrapd", "-f", "-n", "-On", "-Lf", trapLog().toString(), "-C", "-c", conf.toString(),
                "udp:127.0.0.1:" + port), "snmptrapd.out");
        awaitFile(trapLog(), "snmptrapd");
        return this;
    }

    /**
     * Starts snmpd as AgentX master on {@code agentxSocket}, answering {@code community} on
     * {@code udp:127.0.0.1:agentPort} and sending its traps to {@code trapPort}.
     */
    SnmpPeers agentxMaster(Path agentxSocket, int agentPort, String community, int trapPort) throws IOException {
        Path conf = dir.resolve("snmpd.conf");
        Files.writeString(conf, String.join("\n", "master agentx", "agentXSocket " + agentxSocket,
                "agentXPerms 0660 0550", "agentaddress udp:127.0.0.1:" + agentPort, "rocommunity " + community
                        + " 127.0.0.1", "trap2sink 127.0.0.1:" + trapPort + " public", ""));
        this.agentxSocket = agentxSocket;
        restartAgentxMaster();
        return this;
    }

    /** Stops snmpd (SIGTERM) and waits until it has exited: its subagents lose their session. */
    void stopAgentxMaster() throws IOException {
        processes.remove(snmpd);
        Lab.stop(snmpd);
        Files.deleteIfExists(agentxSocket);
    }

    /** Starts snmpd again, as {@link #agentxMaster} configured it; returns once its AgentX socket is there. */
    void restartAgentxMaster() throws IOException {
        snmpd = start(List.of("snmpd", "-f", "-Lf", dir.resolve("snmpd.log").toString(), "-C", "-c",
                dir.resolve("snmpd.conf").toString(), "-p", dir.resolve("snmpd.pid").toString()), "snmpd.out");
        awaitFile(agentxSocket, "snmpd's AgentX socket");
    }

    Path trapLog() {
        return dir.resolve("traps.log");
    }

    /** Every notification received so far, in arrival order (snmpd's own coldStart included). */
    List<Trap> traps() {
        List<Trap> out = new ArrayList<>();
        String text;
        try {
            text = Files.exists(trapLog()) ? Files.readString(trapLog(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return out;
        }
        for (String line : text.lines().toList()) {
            if (!line.startsWith("TRAP ")) {
                continue;
            }
            List<Varbind> varbinds = new ArrayList<>();
            for (String part : line.substring(5).split("~")) {
                Matcher m = VARBIND.matcher(part.strip());
                if (m.matches()) {
                    varbinds.add(new Varbind(m.group(1), m.group(2) == null ? "" : m.group(2), m.group(3)));
                }
            }
            String oid = varbinds.stream().filter(v -> v.oid().equals(SNMP_TRAP_OID)).map(Varbind::value)
                    .findFirst().orElse("");
            out.add(new Trap(oid, varbinds));
        }
        return out;
    }

    /** The notifications received so far whose OID is under {@code prefix}. */
    List<Trap> traps(String prefix) {
        return traps().stream().filter(t -> t.oid().startsWith(prefix)).toList();
    }

    /** Waits until the notifications under {@code prefix} satisfy {@code condition}; fails after {@code timeout}. */
    List<Trap> awaitTraps(String prefix, Predicate<List<Trap>> condition, Duration timeout) {
        Lab.await(() -> condition.test(traps(prefix)), timeout, () -> "traps under " + prefix + ": " + traps(prefix));
        return traps(prefix);
    }

    /** snmpwalk -v2c -On of {@code oid} on {@code udp:127.0.0.1:port}: one varbind per object. */
    List<Varbind> walk(int port, String community, String oid) {
        String out = Lab.run("ip", "netns", "exec", namespace, "snmpwalk", "-v2c", "-c", community, "-On", "-Oe",
                "-t", "5", "-r", "2", "127.0.0.1:" + port, oid);
        List<Varbind> varbinds = new ArrayList<>();
        for (String line : out.lines().toList()) {
            Matcher m = VARBIND.matcher(line.strip());
            if (m.matches()) {
                varbinds.add(new Varbind(m.group(1), m.group(2) == null ? "" : m.group(2), m.group(3)));
            }
        }
        return varbinds;
    }

    /** The values a walk of {@code oid} returns, in order; none while no agent answers there. */
    List<String> values(int port, String community, String oid) {
        try {
            return walk(port, community, oid).stream().map(Varbind::value).toList();
        } catch (IllegalStateException noAnswer) {
            return List.of();
        }
    }

    private Process start(List<String> command, String output) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", namespace, "env", "MIBS="));
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(output).toFile())).start();
        processes.add(p);
        return p;
    }

    private static void awaitFile(Path file, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not start within 20 s (" + file + " absent)");
            }
            Lab.sleep(Duration.ofMillis(50));
        }
    }

    @Override
    public void close() {
        processes.forEach(Lab::stop);
    }
}
