package org.keepalived4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus endpoint of a running daemon in a namespace, scraped before and after what
 * happens on the wire (a failover) and to real servers (nginx stopped and started again).
 */
class MetricsIT {

    private static final String VIP = "10.79.0.100";

    @TempDir
    Path dir;

    private Lab lab;
    private String nsA;
    private String nsB;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Process> others = new ArrayList<>();

    @BeforeEach
    void namespaces() {
        lab = new Lab("metricsit");
        nsA = lab.namespace("a");
        nsB = lab.namespace("b");
        lab.link(nsA, "eth0", "10.79.0.1/24", nsB, "eth0", "10.79.0.2/24");
    }

    @AfterEach
    void cleanUp() {
        nodes.forEach(Node::close);
        // SIGTERM first: nginx's master stops its workers; SIGKILL would orphan them
        others.forEach(Lab::stop);
        lab.close();
    }

    private Node start(Node.Kind kind, String ns, String name, String config) throws Exception {
        Node node = new Node(kind, ns, dir, name).start(config);
        nodes.add(node);
        return node;
    }

    /**
     * One attribute read through the daemon's Jolokia agent (on by default, 127.0.0.1:8778), as
     * the JSON text of its value: the MBeans answer from the live state, one object at a time.
     */
    private static String jolokiaRead(String ns, String mbean, String attribute) {
        String request = "{\"type\":\"read\",\"mbean\":\"" + mbean.replace("\"", "\\\"") + "\",\"attribute\":\""
                + attribute + "\"}";
        String reply = Lab.run("ip", "netns", "exec", ns, "curl", "-sf", "-H", "Content-Type: application/json",
                "-d", request, "http://127.0.0.1:8778/jolokia/");
        Matcher m = Pattern.compile("\"value\":(\"[^\"]*\"|[^,}]+)").matcher(reply);
        assertThat(reply).contains("\"status\":200");
        assertThat(m.find()).as(reply).isTrue();
        return m.group(1);
    }

    private static boolean atLeast(String metrics, String series, double min) {
        return metrics.lines().filter(l -> l.startsWith(series + " "))
                .anyMatch(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= min);
    }

    private static String vrrp(int priority) {
        return VrrpConfig.node().instance("VI_1", "eth0", 61, priority, VIP).text()
                + "keepalived4j_prometheus {\n    listen 127.0.0.1:9165\n}\n";
    }

    @Test
    void stateSeriesAndCountersFollowAFailover() throws Exception {
        Node ours = start(Node.Kind.KEEPALIVED4J, nsA, "ours", vrrp(150));
        String state = "keepalived_vrrp_state{iname=\"VI_1\",intf=\"eth0\",ip_address=\"" + VIP + "/24\",vrid=\"61\"}";
        String labels = "{iname=\"VI_1\",intf=\"eth0\",vrid=\"61\"}";
        String before = Lab.awaitScrape(nsA, m -> m.contains(state + " 2.0"), Duration.ofSeconds(15));
        assertThat(Metrics.value(before, "keepalived_become_master_total" + labels)).isEqualTo(1);
        assertThat(Metrics.value(before, "keepalived_vrrp_effective_priority" + labels)).isEqualTo(150);
        String instance = "keepalived:type=VrrpInstance,name=\"VI_1\"";
        assertThat(jolokiaRead(nsA, instance, "State")).isEqualTo("\"MASTER\"");

        // A higher-priority keepalived appears: ours must see it on the wire and step down.
        Node peer = start(Node.Kind.KEEPALIVED, nsB, "peer", VrrpConfig.node()
                .instance("VI_1", "eth0", 61, 200, VIP).text());
        String after = Lab.awaitScrape(nsA, m -> m.contains(state + " 1.0"), Duration.ofSeconds(15));
        assertThat(Metrics.value(after, "keepalived_release_master_total" + labels)).isEqualTo(1);
        assertThat(jolokiaRead(nsA, instance, "State")).isEqualTo("\"BACKUP\"");
        assertThat(Metrics.value(after, "keepalived_advertisements_received_total" + labels)).isGreaterThanOrEqualTo(1);
        assertThat(Metrics.value(after, "keepalived_advertisements_sent_total" + labels))
                .isGreaterThan(Metrics.value(before, "keepalived_advertisements_sent_total" + labels));
        assertThat(after.lines().filter(l -> l.startsWith("keepalived_vrrp_transitions_total{")
                && l.contains("reason=\"preempted\"") && l.contains("to=\"BACKUP\"") && l.endsWith(" 1.0")))
                .hasSize(1);
        assertThat(peer.awaitLog("Entering MASTER STATE")).contains("Entering MASTER STATE");

        // The peer stops gracefully: ours takes over again and the counters move on.
        peer.stop();
        String back = Lab.awaitScrape(nsA, m -> m.contains(state + " 2.0"), Duration.ofSeconds(10));
        assertThat(Metrics.value(back, "keepalived_become_master_total" + labels)).isEqualTo(2);
        assertThat(Metrics.value(back, "keepalived_priority_zero_received_total" + labels)).isEqualTo(1);
        assertThat(ours.awaitLog("Entering MASTER STATE (master released)")).contains("Entering MASTER STATE (master released)");
    }

    @Test
    void aDeadRealServerShowsInMetricsAndComesBack() throws Exception {
        Lab.run("ip", "-n", nsA, "addr", "add", "10.79.1.10/32", "dev", "lo");
        Path root = Files.createDirectories(dir.resolve("www"));
        Files.writeString(root.resolve("index.html"), "hello\n");
        Path nginxConf = dir.resolve("nginx.conf");
        Files.writeString(nginxConf, "user root;\npid " + dir.resolve("nginx.pid") + ";\nerror_log " + dir.resolve("error.log")
                + ";\ndaemon off;\nevents {}\nhttp {\n  access_log off;\n  server {\n    listen 10.79.1.10:8080;\n"
                + "    root " + root + ";\n  }\n}\n");
        String config = "virtual_server 10.79.0.200 8080 {\n    delay_loop 1\n    lb_algo rr\n    lb_kind DR\n"
                + "    protocol TCP\n    real_server 10.79.1.10 8080 {\n        weight 3\n        HTTP_GET {\n"
                + "            url {\n              path /\n              status_code 200\n            }\n"
                + "            connect_timeout 1\n            retry 1\n            delay_before_retry 1\n"
                + "        }\n    }\n}\nkeepalived4j_prometheus {\n    listen 127.0.0.1:9165\n}\n";
        Process nginx = startNginx(nginxConf);
        start(Node.Kind.KEEPALIVED4J, nsA, "lvs", config);
        String up = "keepalived_real_server_up{real_server=\"10.79.1.10:8080\",virtual_server=\"10.79.0.200:8080/tcp\"}";
        // Up from the start (no alpha): wait until checks have actually succeeded, so that the
        // failure below is one after a success (retry applies) rather than the very first check.
        String labels = "{real_server=\"10.79.1.10:8080\",virtual_server=\"10.79.0.200:8080/tcp\"}";
        Lab.awaitScrape(nsA, m -> m.contains(up + " 1.0")
                && atLeast(m, "keepalived_real_server_check_duration_seconds_count" + labels, 2),
                Duration.ofSeconds(20));

        nginx.destroy();
        nginx.waitFor();
        String down = Lab.awaitScrape(nsA, m -> m.contains(up + " 0.0"), Duration.ofSeconds(15));
        assertThat(Metrics.value(down, "keepalived_virtual_server_real_servers_up{virtual_server=\"10.79.0.200:8080/tcp\"}"))
                .isZero();
        String realServer = "keepalived:type=RealServer,virtualServer=\"10.79.0.200:8080/tcp\",name=\"10.79.1.10:8080\"";
        assertThat(jolokiaRead(nsA, realServer, "Alive")).isEqualTo("false");
        assertThat(jolokiaRead(nsA, "keepalived:type=VirtualServer,name=\"10.79.0.200:8080/tcp\"", "RealServersUp"))
                .isEqualTo("0");
        assertThat(Metrics.value(down, "keepalived_real_server_check_failures_total{real_server=\"10.79.1.10:8080\","
                + "virtual_server=\"10.79.0.200:8080/tcp\"}")).isGreaterThanOrEqualTo(2);

        startNginx(nginxConf);
        Lab.awaitScrape(nsA, m -> m.contains(up + " 1.0"), Duration.ofSeconds(15));
        assertThat(jolokiaRead(nsA, realServer, "Alive")).isEqualTo("true");
    }

    private Process startNginx(Path conf) throws Exception {
        Process p = new ProcessBuilder("ip", "netns", "exec", nsA, "nginx", "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        others.add(p);
        return p;
    }
}
