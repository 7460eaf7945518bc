package org.keepalived4j.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keepalived4j.config.LvsParsing;
import org.keepalived4j.ipvs.InMemoryIpvsClient;

/**
 * PING_CHECK against a target in a network namespace reached over a veth pair: it answers,
 * stops answering when its link goes down (dead after the retries), and answers again.
 */
class PingNamespaceIT {

    private static final String NS = "lvsping";
    private final RecordingSink sink = new RecordingSink();
    private LvsService service;

    @BeforeEach
    void namespace() {
        Netns.delete(NS);
        Netns.run("ip", "netns", "add", NS);
        Netns.run("ip", "link", "add", "lvsp0", "type", "veth", "peer", "name", "lvsp1");
        Netns.run("ip", "link", "set", "lvsp1", "netns", NS);
        Netns.run("ip", "addr", "add", "10.213.77.1/30", "dev", "lvsp0");
        Netns.run("ip", "link", "set", "lvsp0", "up");
        Netns.exec(NS, "ip", "addr", "add", "10.213.77.2/30", "dev", "lvsp1");
        Netns.exec(NS, "ip", "link", "set", "lvsp1", "up");
        Netns.exec(NS, "ip", "link", "set", "lo", "up");
    }

    @AfterEach
    void cleanup() {
        if (service != null) {
            service.close();
        }
        Netns.delete(NS);
    }

    @Test
    void pingCheckFollowsATargetInANamespace() {
        LvsParsing.Result r = LvsParsing.parse("virtual_server 10.213.77.200 80 {\n lb_algo rr\n lb_kind DR\n"
                + " protocol TCP\n delay_loop 0.3\n warmup 0\n real_server 10.213.77.2 80 {\n PING_CHECK {\n"
                + " connect_timeout 0.5\n retry 2\n delay_before_retry 0.2\n }\n }\n}\n");
        service = new LvsService(r.lvs().virtualServers(), LvsSettings.DEFAULTS, new InMemoryIpvsClient(false), sink,
                Clock.systemUTC());
        service.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> "echo reply".equals(
                service.virtualServers().get(0).realServers().get(0).lastCheckResult()));
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        assertThat(sink.realServerEvents()).isEmpty();
        long before = service.virtualServers().get(0).realServers().get(0).checkFailures();

        Netns.exec(NS, "ip", "link", "set", "lvsp1", "down");
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.realServerEvents().size() == 1);
        assertThat(sink.realServerEvents().get(0).up()).isFalse();
        assertThat(sink.realServerEvents().get(0).detail()).isEqualTo("no echo reply");
        assertThat(service.virtualServers().get(0).realServers().get(0).checkFailures() - before).isEqualTo(3);
        assertThat(sink.quorumEvents()).last().satisfies(e -> assertThat(e.met()).isFalse());

        Netns.exec(NS, "ip", "link", "set", "lvsp1", "up");
        await().atMost(Duration.ofSeconds(15)).until(() -> sink.realServerEvents().size() == 2);
        assertThat(sink.realServerEvents().get(1).up()).isTrue();
        assertThat(sink.quorumEvents()).last().satisfies(e -> assertThat(e.met()).isTrue());
    }
}
