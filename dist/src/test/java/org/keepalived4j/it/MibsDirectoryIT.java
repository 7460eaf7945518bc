package org.keepalived4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the project's mibs/ folder ships works: a real snmptrapd runs with mibs/snmptrapd.conf
 * exactly as it is and logs the VRRP notifications of three keepalived4j daemons, one sending
 * SNMPv2c traps, one SNMPv3 traps (the receiver's createUser -e matching its engineID line) and
 * one SNMPv3 informs; and mibs/snmp_exporter/generator.yml is valid YAML naming only objects the
 * installed MIB files define.
 */
class MibsDirectoryIT {

    private static final Path MIBS = Path.of(System.getProperty("keepalived4j.home"), "mibs");
    private static final Path MIB_FILES = Path.of("/usr/share/snmp/mibs");
    private static final String STATE_CHANGE = ".1.3.6.1.4.1.9586.100.5.2.10.0.2";
    private static final String MASTER = ".1.3.6.1.4.1.9586.100.5.2.3.1.4 = INTEGER: 2";
    /** The passphrases and engine ID of the example configuration. */
    private static final String USM = "-u monitor -l authPriv -a SHA-256 -A AUTH-PASSPHRASE -x AES -X PRIV-PASSPHRASE";

    @TempDir
    Path dir;

    private Lab lab;
    private SnmpPeers snmp;
    private final List<Node> nodes = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        nodes.forEach(Node::close);
        if (snmp != null) {
            snmp.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void theExampleSnmptrapdConfReceivesEveryKindOfNotificationKeepalived4jSends() throws Exception {
        lab = new Lab("mibsdir");
        String receiver = lab.namespace("t");
        snmp = new SnmpPeers(receiver, dir);
        Path log = snmp.trapReceiver("example", MIBS.resolve("snmptrapd.conf"));
        List<String> sinks = List.of("trap2sink 10.72.1.254 public",
                "trapsess -v 3 " + USM + " 10.72.2.254",
                "trapsess -v 3 -Ci " + USM + " 10.72.3.254");
        for (int i = 1; i <= sinks.size(); i++) {
            String ns = lab.namespace("s" + i);
            lab.link(ns, "eth0", "10.72." + i + ".1/24", receiver, "eth" + i, "10.72." + i + ".254/24");
            String config = VrrpConfig.node().global("enable_traps").global("enable_snmp_vrrp")
                    .instance("VI_1", "eth0", 72, 100, "10.72." + i + ".100").text()
                    + "keepalived4j_snmp {\n    engineID keepalived-lb1\n    " + sinks.get(i - 1) + "\n}\n";
            nodes.add(new Node(Node.Kind.KEEPALIVED4J, ns, dir, "sender" + i).start(config));
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> missing = List.of();
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.readAllLines(log);
            missing = new ArrayList<>();
            for (int i = 1; i <= sinks.size(); i++) {
                String from = "[10.72." + i + ".1]";
                if (lines.stream().noneMatch(l -> l.contains(from) && l.contains(STATE_CHANGE) && l.contains(MASTER))) {
                    missing.add(sinks.get(i - 1));
                }
            }
            if (missing.isEmpty()) {
                break;
            }
            Lab.sleep(Duration.ofMillis(200));
        }
        assertThat(missing).as("sinks whose MASTER notification snmptrapd did not log:%n%s%n%s",
                Files.readString(log), Files.readString(dir.resolve("example.out"))).isEmpty();
        // the example's log format: date, time, sender (its address: snmptrapd runs with -n), then the varbinds
        assertThat(Files.readAllLines(log)).anyMatch(l -> l.matches(
                "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d .* \\[UDP: \\[10\\.72\\.1\\.1\\]:\\d+->.*\\]: "
                        + "\\.1\\.3\\.6\\.1\\.2\\.1\\.1\\.3\\.0 = Timeticks: .*\\t\\.1\\.3\\.6\\.1\\.6\\.3\\.1\\.1\\.4\\.1\\.0 = OID: .*"));
        assertThat(Files.readString(log) + Files.readString(dir.resolve("example.out")))
                .doesNotContainIgnoringCase("warning").doesNotContainIgnoringCase("unknown token");
    }

    @Test
    void theGeneratorConfigIsYamlNamingOnlyObjectsOfTheMibs() throws Exception {
        Path generator = MIBS.resolve("snmp_exporter/generator.yml");
        Process yaml = new ProcessBuilder("/usr/bin/python3", "-c",
                "import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); print(sorted(d['modules']))",
                generator.toString()).redirectErrorStream(true).start();
        String parsed = new String(yaml.getInputStream().readAllBytes());
        assertThat(yaml.waitFor()).as("python3 yaml.safe_load (Debian: python3-yaml): %s", parsed).isZero();
        assertThat(parsed.strip()).isEqualTo("['keepalived', 'vrrpv3']");
        Set<String> modules = Set.of("keepalived", "vrrpv3");

        Set<String> defined = new TreeSet<>();
        Pattern objectType = Pattern.compile("(?m)^\\s*([a-z][A-Za-z0-9]*)\\s+OBJECT-TYPE");
        for (String mib : List.of("KEEPALIVED-MIB.txt", "VRRPv3-MIB.txt")) {
            Matcher m = objectType.matcher(Files.readString(MIB_FILES.resolve(mib)));
            while (m.find()) {
                defined.add(m.group(1));
            }
        }
        Set<String> named = new TreeSet<>();
        Pattern name = Pattern.compile("\\b(?:vrrp|virtualServer|realServer)[A-Za-z0-9]*\\b");
        for (String line : Files.readAllLines(generator)) {
            Matcher m = name.matcher(line.replaceFirst("#.*", ""));
            while (m.find()) {
                if (!modules.contains(m.group())) {
                    named.add(m.group());
                }
            }
        }
        assertThat(named).hasSizeGreaterThan(50);
        assertThat(defined).as("objects of KEEPALIVED-MIB and VRRPv3-MIB").containsAll(named);
    }
}
