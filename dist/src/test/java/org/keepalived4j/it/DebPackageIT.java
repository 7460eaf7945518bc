package org.keepalived4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Debian package installed into a clean Debian 12 root (debootstrap, minbase) beside
 * Debian's keepalived package, its service started as its systemd unit says (user,
 * capabilities, read-only system, state and runtime directories, private /tmp: reproduced with
 * a mount namespace, chroot and setpriv, there being no systemd to run it here) in a network
 * namespace against a keepalived peer: it becomes MASTER, reloads, stops cleanly, and
 * {@code dpkg --purge} leaves nothing of it behind.
 */
class DebPackageIT {

    private static final String UNIT = "/lib/systemd/system/keepalived4j.service";

    private Lab lab;
    private String nsA;
    private String nsB;
    private Path work;
    private Path root;
    private final List<Node> nodes = new ArrayList<>();
    private Process ours;

    @BeforeEach
    void setUp() throws IOException {
        lab = new Lab("debit");
        nsA = lab.namespace("a");
        nsB = lab.namespace("b");
        lab.link(nsA, "eth0", "10.82.0.1/24", nsB, "eth0", "10.82.0.2/24");
        work = Files.createTempDirectory(Path.of("/var/tmp"), "keepalived4j-deb-");
        root = work.resolve("root");
    }

    @AfterEach
    void tearDown() {
        if (ours != null) {
            Lab.stop(ours);
        }
        nodes.forEach(Node::close);
        lab.close();
        // every mount this test made lived in a mount namespace that ended with its process
        Lab.run(Duration.ofSeconds(120), "rm", "-rf", "--one-file-system", work.toString());
    }

    @Test
    void installsBesideKeepalivedRunsAsItsUnitSaysAndPurgesToNothing() throws Exception {
        Path deb = Path.of(System.getProperty("keepalived4j.deb"));
        assertThat(deb).as("the Debian package").isRegularFile();
        Lab.run(Duration.ofMinutes(10), "debootstrap", "--variant=minbase", "bookworm", root.toString(),
                "http://deb.debian.org/debian");
        // as in a container image: packages may not start services while they are installed
        Files.writeString(root.resolve("usr/sbin/policy-rc.d"), "#!/bin/sh\nexit 101\n");
        Lab.run("chmod", "755", root.resolve("usr/sbin/policy-rc.d").toString());
        List<String> before = files();

        Files.copy(deb, root.resolve("root/keepalived4j.deb"));
        // apt resolves what the package depends on (a Java 17 runtime, adduser, iproute2) and
        // installs Debian's keepalived beside it: no file may belong to both. systemd is there
        // as on any Debian server, to check the unit against (nothing runs it here)
        inRoot(Duration.ofMinutes(10), "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-q",
                "--no-install-recommends", "systemd", "procps", "keepalived", "/root/keepalived4j.deb");
        Files.delete(root.resolve("root/keepalived4j.deb"));
        List<String> owned = inRoot(Duration.ofSeconds(30), "dpkg", "-L", "keepalived4j").lines().toList();
        assertThat(owned).contains("/usr/sbin/keepalived4j", "/usr/share/keepalived4j/bin/keepalived4j", UNIT,
                "/etc/keepalived/keepalived4j.conf", "/usr/share/doc/keepalived4j/copyright");
        assertThat(inRoot(Duration.ofSeconds(30), "dpkg-query", "-W", "-f=${Conffiles}", "keepalived4j"))
                .contains("/etc/keepalived/keepalived4j.conf");
        assertThat(inRoot(Duration.ofSeconds(30), "getent", "passwd", "keepalived4j"))
                .contains(":/var/lib/keepalived4j:").endsWith(":/usr/sbin/nologin\n");
        assertThat(inRoot(Duration.ofSeconds(60), "/usr/sbin/keepalived4j", "-v")).startsWith("keepalived4j ")
                .doesNotContain("SNAPSHOT");
        // the first -t leaves its class-data archive in the package's cache directory, the next uses it
        Files.writeString(root.resolve("root/check.conf"), "global_defs {\n    router_id deb\n}\n");
        String main = "/root/check.conf";
        inRoot(Duration.ofSeconds(60), "/usr/sbin/keepalived4j", "-t", "-f", main);
        try (Stream<Path> cache = Files.list(root.resolve("var/cache/keepalived4j"))) {
            assertThat(cache.map(p -> p.getFileName().toString()).toList()).singleElement().asString()
                    .startsWith("keepalived4j-check-").endsWith(".jsa");
        }
        inRoot(Duration.ofSeconds(60), "/usr/sbin/keepalived4j", "-t", "-f", main);
        Files.delete(root.resolve("root/check.conf"));
        Map<String, String> unit = unit(Files.readString(root.resolve(UNIT.substring(1))));
        assertThat(unit.get("Conflicts")).isEqualTo("keepalived.service");
        assertThat(unit.get("User")).isEqualTo("keepalived4j");
        assertThat(unit.get("AmbientCapabilities")).isEqualTo("CAP_NET_ADMIN CAP_NET_RAW");
        assertThat(unit.get("CapabilityBoundingSet")).isEqualTo("CAP_NET_ADMIN CAP_NET_RAW");
        assertThat(unit.get("ProtectSystem")).isEqualTo("strict");
        assertThat(unit.get("ExecReload")).isEqualTo("/bin/kill -HUP $MAINPID");
        assertThat(unit.get("Restart")).isEqualTo("on-failure");
        // keepalived's own configuration, where the unit's daemon reads it
        Path conf = root.resolve("etc/keepalived/keepalived.conf");
        Files.writeString(conf, VrrpConfig.node().instance("VI_1", "eth0", 61, 150, "10.82.0.100").text());
        Lab.Finished verify = Lab.attempt(Duration.ofSeconds(60), List.of("systemd-analyze", "verify",
                "--root=" + root, UNIT));
        assertThat(verify.output()).as("systemd-analyze verify").isEmpty();
        assertThat(verify.exitCode()).isZero();

        Node peer = new Node(Node.Kind.KEEPALIVED, nsA, work, "peer")
                .start(VrrpConfig.node().instance("VI_1", "eth0", 61, 100, "10.82.0.100").text());
        nodes.add(peer);
        Path log = work.resolve("ours.log");
        ours = new ProcessBuilder(asTheUnitRunsIt(unit)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Lab.await(() -> lab.hasAddress(nsB, "eth0", "10.82.0.100") && !lab.hasAddress(nsA, "eth0", "10.82.0.100"),
                Duration.ofSeconds(60), () -> "keepalived4j never became MASTER:\n" + read(log));
        assertThat(read(log)).contains("(VI_1) Entering MASTER STATE");

        // the process is the unit's: its user, exactly its two capabilities, no new privileges
        String status = Files.readString(Path.of("/proc/" + ours.pid() + "/status"));
        String uid = inRoot(Duration.ofSeconds(30), "id", "-u", "keepalived4j").trim();
        assertThat(field(status, "Uid")).isEqualTo(uid + " " + uid + " " + uid + " " + uid);
        assertThat(field(status, "CapEff")).isEqualTo("0000000000003000");
        assertThat(field(status, "CapBnd")).isEqualTo("0000000000003000");
        assertThat(field(status, "NoNewPrivs")).isEqualTo("1");
        Path procRoot = Path.of("/proc/" + ours.pid() + "/root");
        assertThat(Files.readString(procRoot.resolve("run/keepalived4j/keepalived.pid")).trim())
                .isEqualTo(Long.toString(ours.pid()));
        assertThat(procRoot.resolve("var/lib/keepalived4j")).isDirectory();
        assertThat(Lab.scrape(nsB)).contains("keepalived_vrrp_state{");

        // ExecReload: SIGHUP reads the changed file
        Files.writeString(conf, VrrpConfig.node().instance("VI_1", "eth0", 61, 150, "10.82.0.100")
                .instance("VI_2", "eth0", 62, 150, "10.82.0.102").text());
        Lab.run("kill", "-HUP", Long.toString(ours.pid()));
        Lab.await(() -> lab.hasAddress(nsB, "eth0", "10.82.0.102"), Duration.ofSeconds(60),
                () -> "the reload never added VI_2:\n" + read(log));
        assertThat(lab.hasAddress(nsB, "eth0", "10.82.0.100")).isTrue();

        // KillSignal=SIGTERM: a clean stop hands the address to the peer
        ours.destroy();
        assertThat(ours.waitFor(60, TimeUnit.SECONDS)).as("stopped within the unit's TimeoutStopSec").isTrue();
        assertThat(ours.exitValue()).as("exit status\n" + read(log)).isZero();
        Lab.await(() -> lab.hasAddress(nsA, "eth0", "10.82.0.100"), Duration.ofSeconds(30),
                () -> "the peer never took over after the stop");
        assertThat(lab.hasAddress(nsB, "eth0", "10.82.0.100")).isFalse();
        ours = null;

        // purge: nothing of the package, its user or its state stays
        inRoot(Duration.ofMinutes(2), "dpkg", "--purge", "keepalived4j");
        for (String path : owned) {
            Path p = root.resolve(path.substring(1));
            if (!Files.isDirectory(p)) {
                assertThat(p).as(path + " after purge").doesNotExist();
            }
        }
        assertThat(root.resolve("var/lib/keepalived4j")).doesNotExist();
        for (String db : List.of("etc/passwd", "etc/group", "etc/shadow", "etc/gshadow")) {
            assertThat(Files.readString(root.resolve(db))).as(db).doesNotContain("keepalived4j");
        }
        List<String> left = files().stream().filter(f -> f.contains("keepalived4j")).toList();
        assertThat(left).as("files named after keepalived4j left in the root").isEmpty();
        assertThat(files()).as("every file of the clean root is still there").containsAll(before.stream()
                .filter(f -> !f.startsWith("/var/") && !f.startsWith("/etc/")).toList());
        assertThat(root.resolve("etc/keepalived/keepalived.conf")).as("keepalived's configuration").exists();
    }

    /**
     * The unit's ExecStart in a network namespace, with what systemd would give it: a read-only
     * root (ProtectSystem=strict) except StateDirectory and RuntimeDirectory, a private /tmp,
     * then chroot into the installed root and setpriv to the unit's user, ambient and bounding
     * capabilities and NoNewPrivileges. The last exec is the daemon, so the process is it.
     */
    private List<String> asTheUnitRunsIt(Map<String, String> unit) throws IOException {
        String user = unit.get("User");
        String state = "/var/lib/" + unit.get("StateDirectory");
        String runtime = "/run/" + unit.get("RuntimeDirectory");
        String caps = setprivCaps(unit.get("AmbientCapabilities"));
        String bounding = "-all," + setprivCaps(unit.get("CapabilityBoundingSet"));
        String exec = unit.get("ExecStart").replace("$DAEMON_ARGS", "").trim();
        String owner = inRoot(Duration.ofSeconds(30), "id", "-u", user).trim() + ":"
                + inRoot(Duration.ofSeconds(30), "id", "-g", user).trim();
        Path staging = Files.createDirectories(work.resolve("state-staging"));
        String script = String.join("\n",
                "set -e",
                "R=" + root,
                "mount --make-rprivate /",
                "mkdir -p \"$R" + state + "\" && chown " + owner + " \"$R" + state + "\" && chmod "
                        + unit.get("StateDirectoryMode") + " \"$R" + state + "\"",
                "mount --bind \"$R" + state + "\" " + staging,
                "mount --bind \"$R\" \"$R\"",
                "mount -o remount,bind,ro \"$R\"",
                "mount --bind " + staging + " \"$R" + state + "\"",
                "mount -t tmpfs -o mode=0755 tmpfs \"$R/run\"",
                "mkdir \"$R" + runtime + "\" && chown " + owner + " \"$R" + runtime + "\"",
                "mount -t tmpfs -o mode=1777 tmpfs \"$R/tmp\"",
                "mount -t proc proc \"$R/proc\"",
                "mount -t sysfs sysfs \"$R/sys\"",
                "mount --bind /dev \"$R/dev\"",
                "exec chroot \"$R\" setpriv --reuid=" + user + " --regid=" + user + " --init-groups"
                        + " --inh-caps=" + caps + " --ambient-caps=" + caps + " --bounding-set=" + bounding
                        + ("yes".equals(unit.get("NoNewPrivileges")) ? " --no-new-privs" : "") + " " + exec,
                "");
        Path file = Files.writeString(work.resolve("start-as-unit.sh"), script);
        return List.of("setsid", "ip", "netns", "exec", nsB, "sh", file.toString());
    }

    /** A unit's capability list ({@code CAP_NET_ADMIN CAP_NET_RAW}) as setpriv takes it ({@code +net_admin,+net_raw}). */
    private static String setprivCaps(String unitList) {
        return Arrays.stream(unitList.split(" ")).map(c -> "+" + c.substring("CAP_".length()).toLowerCase())
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** Runs {@code command} chrooted into the installed root, with /proc (Java's installer needs it). */
    private String inRoot(Duration timeout, String... command) {
        List<String> cmd = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount -t proc proc \"$0/proc\" && exec chroot \"$0\" \"$@\"", root.toString()));
        cmd.addAll(List.of(command));
        return Lab.run(timeout, cmd.toArray(String[]::new));
    }

    /** Every file and directory of the root, as absolute paths inside it (kernel file systems left out). */
    private List<String> files() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.map(p -> "/" + root.relativize(p)).filter(p -> !p.startsWith("/proc/") && !p.startsWith("/sys/")
                    && !p.startsWith("/dev/")).sorted().toList();
        }
    }

    /** The unit's settings (the last of each key). */
    private static Map<String, String> unit(String text) {
        Map<String, String> settings = new TreeMap<>();
        for (String line : text.lines().toList()) {
            int eq = line.indexOf('=');
            if (!line.startsWith("#") && !line.startsWith("[") && eq > 0) {
                settings.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return settings;
    }

    private static String field(String status, String name) {
        return status.lines().filter(l -> l.startsWith(name + ":")).findFirst().orElseThrow()
                .substring(name.length() + 1).trim().replaceAll("\\s+", " ");
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }
}
