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
 * uses it) with its own UDP agent and a trap sink; and the command-line tools (snmpwalk,
 * snmpbulkwalk). OIDs are numeric (-On): Debian ships no SNMPv2-SMI, so net-snmp cannot load the
 * MIBs by name. Every daemon and tool keeps its persistent state (engine boots, USM users) in the
 * test's directory, never in /var/lib/snmp. Stopped and cleaned on close.
 */
final class SnmpPeers implements AutoCloseable {

    /** One varbind as net-snmp prints it: {@code OID = TYPE: VALUE}. */
    record Varbind(String oid, String type, String value) {

        @Override
        public String toString() {
            return oid + " = " + (type.isEmpty() ? "" : type + ": ") + value;
        }
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

    /** What a tool printed (stdout and stderr together) and how it exited. */
    record Output(int exitCode, String text) {

        /** The varbinds printed, a hex string wrapped over several lines read as one value. */
        List<Varbind> varbinds() {
            List<String> joined = new ArrayList<>();
            for (String line : text.lines().toList()) {
                if (line.startsWith(".")) {
                    joined.add(line.strip());
                } else if (!line.isBlank() && !joined.isEmpty() && !line.contains(": ")) {
                    joined.set(joined.size() - 1, joined.get(joined.size() - 1) + " " + line.strip());
                }
            }
            List<Varbind> out = new ArrayList<>();
            for (String line : joined) {
                Matcher m = VARBIND.matcher(line);
                if (m.matches()) {
                    out.add(new Varbind(m.group(1), m.group(2) == null ? "" : m.group(2), m.group(3).strip()));
                }
            }
            return out;
        }
    }

    /** An snmptrapd started by {@link #trapReceiver}: its log, one notification a line. */
    final class Receiver {

        private final Path log;

        private Receiver(Path log) {
            this.log = log;
        }

        /** Every notification received so far, in arrival order (snmpd's own coldStart included). */
        List<Trap> traps() {
            String text;
            try {
                text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                return List.of();
            }
            List<Trap> out = new ArrayList<>();
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
            Lab.await(() -> condition.test(traps(prefix)), timeout, () -> "traps under " + prefix + ": "
                    + traps(prefix));
            return traps(prefix);
        }
    }

    static final String SNMP_TRAP_OID = ".1.3.6.1.6.3.1.1.4.1.0";
    private static final Pattern VARBIND = Pattern.compile("(\\.[0-9.]+) = (?:([A-Za-z0-9-]+): )?(.*)");

    private final String namespace;
    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private Path agentxSocket;
    private Process snmpd;
    /** The receiver {@link #trapReceiver(int)} started, which {@link #traps()} reads. */
    private Receiver receiver;

    SnmpPeers(String namespace, Path dir) {
        this.namespace = namespace;
        this.dir = dir;
    }

    /** Starts snmptrapd on {@code udp:127.0.0.1:port}, accepting every notification; {@link #traps()} reads it. */
    SnmpPeers trapReceiver(int port) throws IOException {
        receiver = trapReceiver("traps", port, "disableAuthorization yes");
        return this;
    }

    /**
     * Starts snmptrapd on {@code udp:127.0.0.1:port}, logging to {@code NAME.log}, with
     * {@code conf} as its configuration (SNMPv1/v2c communities, SNMPv3 users, authorization).
     */
    Receiver trapReceiver(String name, int port, String... conf) throws IOException {
        Path file = dir.resolve(name + ".conf");
        Files.writeString(file, String.join("\n", conf) + "\nformat2 TRAP %V~%v\\n\n");
        return new Receiver(trapReceiver(name, file, "udp:127.0.0.1:" + port));
    }

    /**
     * Starts snmptrapd with the configuration file {@code conf} as it is (with numeric OIDs, and
     * {@code options} such as listening addresses after it); returns its log, {@code NAME.log}.
     */
    Path trapReceiver(String name, Path conf, String... options) throws IOException {
        Path log = dir.resolve(name + ".log");
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of("snmptrapd", "-f", "-n", "-On", "-Lf", log.toString(), "-C",
                "-c", conf.toString()));
        command.addAll(List.of(options));
        start(command, name + ".out");
        awaitFile(log, "snmptrapd " + name);
        return log;
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

    /** Every notification the receiver {@link #trapReceiver(int)} started has received so far. */
    List<Trap> traps() {
        return receiver().traps();
    }

    /** The notifications that receiver received so far whose OID is under {@code prefix}. */
    List<Trap> traps(String prefix) {
        return receiver().traps(prefix);
    }

    /** Waits until that receiver's notifications under {@code prefix} satisfy {@code condition}. */
    List<Trap> awaitTraps(String prefix, Predicate<List<Trap>> condition, Duration timeout) {
        return receiver().awaitTraps(prefix, condition, timeout);
    }

    private Receiver receiver() {
        if (receiver == null) {
            throw new IllegalStateException("no trap receiver started");
        }
        return receiver;
    }

    /** snmpwalk -v2c -On of {@code oid} on {@code udp:127.0.0.1:port}: one varbind per object. */
    List<Varbind> walk(int port, String community, String oid) {
        return walk("snmpwalk", port, List.of("-v2c", "-c", community), oid);
    }

    /**
     * {@code tool} ({@code snmpwalk}, {@code snmpbulkwalk}) of {@code oid} on
     * {@code udp:127.0.0.1:port} with {@code security} (-v, -c or the SNMPv3 options); fails when
     * the tool does.
     */
    List<Varbind> walk(String tool, int port, List<String> security, String oid) {
        Output out = tool(tool, port, security, oid);
        if (out.exitCode() != 0) {
            throw new AssertionError(tool + " " + security + " " + oid + " failed (" + out.exitCode() + "): " + out.text());
        }
        return out.varbinds();
    }

    /** Runs a net-snmp tool with numeric OIDs and enumerations against {@code udp:127.0.0.1:port}, whatever it answers. */
    Output tool(String tool, int port, List<String> security, String oid) {
        List<String> command = new ArrayList<>(List.of(tool, "-On", "-Oe", "-t", "5", "-r", "2"));
        command.addAll(security);
        command.addAll(List.of("127.0.0.1:" + port, oid));
        Lab.Finished f = Lab.attempt(Duration.ofMinutes(2), inNamespace(command));
        return new Output(f.exitCode(), f.output());
    }

    private List<String> inNamespace(List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", namespace, "env", "MIBS=",
                "SNMP_PERSISTENT_DIR=" + dir.resolve("snmp-persistent")));
        cmd.addAll(command);
        return cmd;
    }

    /** The values a walk of {@code oid} returns, in order; none while no agent answers there. */
    List<String> values(int port, String community, String oid) {
        try {
            return walk(port, community, oid).stream().map(Varbind::value).toList();
        } catch (IllegalStateException | AssertionError noAnswer) {
            return List.of();
        }
    }

    private Process start(List<String> command, String output) throws IOException {
        Files.createDirectories(dir.resolve("snmp-persistent"));
        Process p = new ProcessBuilder(inNamespace(command)).redirectErrorStream(true)
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
