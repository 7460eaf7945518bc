package org.keepalived4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGHUP with a broken file, our MASTER against a real keepalived 2.2.7 BACKUP: keepalived
 * would apply what it could read (a truncated address leaves a MASTER advertising none, a
 * stray brace or garbage stops the instance); keepalived4j keeps the running configuration,
 * says why, and publishes it. With {@code reload_with_errors apply} it behaves as keepalived.
 */
class ReloadIT {

    private static final String VIP = "10.81.0.100";
    private static final Duration SETTLE = Duration.ofSeconds(12);

    @TempDir
    Path dir;

    private Lab lab;
    private String nsA;
    private String nsB;
    private final List<Node> nodes = new ArrayList<>();

    @BeforeEach
    void namespaces() {
        lab = new Lab("reloadit");
        nsA = lab.namespace("a");
        nsB = lab.namespace("b");
        lab.link(nsA, "eth0", "10.81.0.1/24", nsB, "eth0", "10.81.0.2/24");
    }

    @AfterEach
    void cleanUp() {
        nodes.forEach(Node::close);
        lab.close();
    }

    private Node start(Node.Kind kind, String ns, String name, String config) throws Exception {
        Node node = new Node(kind, ns, dir, name).start(config);
        nodes.add(node);
        return node;
    }

    private static String config(int priority, String... extraBlocks) {
        VrrpConfig c = VrrpConfig.node().instance("VI_1", "eth0", 61, priority, VIP);
        for (String block : extraBlocks) {
            c.block(block);
        }
        return c.text();
    }

    private void awaitVipOnlyOn(String ns, Duration timeout) {
        String other = ns.equals(nsA) ? nsB : nsA;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (lab.hasAddress(ns, "eth0", VIP) && !lab.hasAddress(other, "eth0", VIP)) {
                return;
            }
            Lab.sleep(Duration.ofMillis(50));
        }
        throw new AssertionError("VIP not only on " + ns + "\n" + logs());
    }

    private void assertStaysOnlyOnA(Duration period) {
        long deadline = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(lab.hasAddress(nsA, "eth0", VIP)).as("VIP on our MASTER\n" + logs()).isTrue();
            assertThat(lab.hasAddress(nsB, "eth0", VIP)).as("VIP on keepalived's BACKUP").isFalse();
            Lab.sleep(Duration.ofMillis(100));
        }
    }

    private String logs() {
        return nodes.stream().map(n -> "---- " + n.kind() + "\n" + n.log()).reduce("", String::concat);
    }

    @Test
    void brokenFilesAreRefusedAndTheMasterKeepsItsAddress() throws Exception {
        String good = config(150);
        Node ours = start(Node.Kind.KEEPALIVED4J, nsA, "ours", good);
        start(Node.Kind.KEEPALIVED, nsB, "peer", config(100));
        awaitVipOnlyOn(nsA, SETTLE);

        List<String> broken = List.of(
                good.replace(VIP + "/24", "10."),                                    // truncated address
                good.replace("    advert_int 1\n", "    advert_int 1\n}\n"),           // stray brace
                "c3RyYXk=Zm9vYmFy/+qweR\nkjh23 lkj {\n  zz\n}\n");                   // garbage
        int refused = 0;
        for (String text : broken) {
            ours.reload(text);
            refused++;
            int expected = refused;
            Lab.awaitScrape(nsA, m -> Metrics.value(m, "keepalived_config_reload_failures_total") == expected,
                    Duration.ofSeconds(10));
            assertStaysOnlyOnA(Duration.ofSeconds(5));
            String metrics = Lab.scrape(nsA);
            assertThat(Metrics.value(metrics, "keepalived_config_last_reload_successful")).isZero();
            assertThat(Metrics.value(metrics, "keepalived_config_reloads_total")).isZero();
            assertThat(metrics).contains("keepalived_vrrp_state{iname=\"VI_1\",intf=\"eth0\",ip_address=\""
                    + VIP + "/24\",vrid=\"61\"} 2");
        }
        assertThat(ours.lines("refused, keeping the running one")).isEqualTo(3);
        assertThat(ours.log()).contains("ours.conf: Line 11) (VI_1) Error - VRRP parsed invalid IP 10.");
        assertThat(ours.entered("BACKUP")).isEqualTo(1); // the startup one only
        assertThat(ours.alive()).isTrue();

        // a good file is applied again, and says so
        ours.reload(config(160));
        Lab.awaitScrape(nsA, m -> Metrics.value(m, "keepalived_config_last_reload_successful") == 1
                && Metrics.value(m, "keepalived_config_reloads_total") == 1, Duration.ofSeconds(10));
        Lab.awaitScrape(nsA, m -> m.contains("keepalived_vrrp_priority{iname=\"VI_1\",intf=\"eth0\",vrid=\"61\"} 160"),
                Duration.ofSeconds(10));
        assertStaysOnlyOnA(Duration.ofSeconds(2));
    }

    @Test
    void reloadWithErrorsApplyBehavesAsKeepalived() throws Exception {
        String apply = "keepalived4j_daemon {\n    reload_with_errors apply\n}\n";
        String good = config(150, apply);
        Node ours = start(Node.Kind.KEEPALIVED4J, nsA, "ours", good);
        start(Node.Kind.KEEPALIVED, nsB, "peer", config(100));
        awaitVipOnlyOn(nsA, SETTLE);

        // the MASTER now advertises no address: it drops the VIP, keepalived drops its adverts
        // (address list error) and takes over, exactly what keepalived itself would do
        ours.reload(good.replace(VIP + "/24", "10."));
        awaitVipOnlyOn(nsB, Duration.ofSeconds(15));
        assertThat(ours.log()).contains("applying the new configuration despite");
        String metrics = Lab.scrape(nsA);
        assertThat(Metrics.value(metrics, "keepalived_config_last_reload_successful")).isEqualTo(1);
        assertThat(Metrics.value(metrics, "keepalived_config_reloads_total")).isEqualTo(1);
    }
}
