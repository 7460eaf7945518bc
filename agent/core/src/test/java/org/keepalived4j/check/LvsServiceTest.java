package org.keepalived4j.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keepalived4j.config.LvsParsing;
import org.keepalived4j.config.VirtualServerConfig;
import org.keepalived4j.ipvs.InMemoryIpvsClient;
import org.keepalived4j.ipvs.IpvsServiceKey;
import org.keepalived4j.model.VirtualServerSnapshot;

/** The state machines end to end with TCP_CHECK against loopback listeners and an in-memory IPVS table. */
class LvsServiceTest {

    private final RecordingSink sink = new RecordingSink();
    private final InMemoryIpvsClient ipvs = new InMemoryIpvsClient(true);
    private LvsService service;
    private TcpListener a;
    private TcpListener b;

    @AfterEach
    void tearDown() throws IOException {
        if (service != null) {
            service.close();
        }
        for (TcpListener s : new TcpListener[] {a, b}) {
            if (s != null) {
                s.close();
            }
        }
    }

    private static TcpListener listen(int port) throws IOException {
        return new TcpListener(InetAddress.getLoopbackAddress(), port);
    }

    private static List<VirtualServerConfig> parse(String text) {
        LvsParsing.Result r = LvsParsing.parse(text);
        return r.lvs().virtualServers();
    }

    private String config(String vsExtra, String rsExtra, int portA, int portB) {
        String rs = " real_server 127.0.0.1 %d {\n weight %d\n" + rsExtra + "\n TCP_CHECK {\n connect_port %d\n }\n }\n";
        return "virtual_server 127.0.0.1 80 {\n lb_algo wrr\n lb_kind NAT\n protocol TCP\n delay_loop 0.1\n"
                + " delay_before_retry 0.1\n connect_timeout 0.5\n warmup 0\n retry 1\n" + vsExtra + "\n"
                + rs.formatted(portA, 2, portA) + rs.formatted(portB, 3, portB) + "}\n";
    }

    private VirtualServerSnapshot snapshot() {
        return service.virtualServers().get(0);
    }

    private static final IpvsServiceKey KEY = new IpvsServiceKey(false, 6, InetAddress.getLoopbackAddress(), 80, 0);

    @Test
    void aRealServersSnapshotIsBuiltWhenReadAndShowsTheLatestCheck() throws IOException {
        a = listen(0);
        b = listen(0);
        service = new LvsService(parse(config("", "", a.getLocalPort(), b.getLocalPort())), LvsSettings.DEFAULTS,
                ipvs, sink, Clock.systemUTC());
        service.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> snapshot().realServers().get(0).lastCheck() != null);
        var first = snapshot().realServers().get(0);
        // checks every 0.1 s: a later read shows a later check, built then
        await().atMost(Duration.ofSeconds(5)).until(() -> snapshot().realServers().get(0).lastCheck()
                .isAfter(first.lastCheck()));
        var later = snapshot().realServers().get(0);
        assertThat(later.checkFailures()).isZero();
        assertThat(later.alive()).isTrue();
        // a server going down is in the snapshot its event carries, built after the change
        b.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.realServerEvents().size() == 1);
        assertThat(sink.realServerEvents().get(0).server().alive()).isFalse();
        assertThat(sink.realServerEvents().get(0).server().checkFailures()).isPositive();
    }

    @Test
    void realServerGoesDownAfterRetriesAndSorryServerTakesOverWhenQuorumIsLost() throws IOException {
        a = listen(0);
        b = listen(0);
        int pa = a.getLocalPort();
        int pb = b.getLocalPort();
        service = new LvsService(parse(config("quorum 3\n sorry_server 127.0.0.9 80", "", pa, pb)),
                LvsSettings.DEFAULTS, ipvs, sink, Clock.systemUTC());
        service.start();
        service.drainIpvs();
        assertThat(ipvs.weights(KEY)).containsOnly(entry(pa, 2), entry(pb, 3));
        assertThat(sink.quorumEvents()).singleElement().satisfies(e -> assertThat(e.met()).isTrue());
        await().atMost(Duration.ofSeconds(5)).until(() -> snapshot().realServers().get(0).lastCheck() != null);

        b.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.realServerEvents().size() == 1);
        service.drainIpvs();
        assertThat(sink.realServerEvents().get(0).up()).isFalse();
        assertThat(sink.realServerEvents().get(0).checker()).isEqualTo("TCP_CHECK");
        assertThat(sink.quorumEvents()).hasSize(2).last().satisfies(e -> {
            assertThat(e.met()).isFalse();
            assertThat(e.liveWeight()).isEqualTo(2);
        });
        assertThat(ipvs.weights(KEY)).containsOnly(java.util.Map.entry("127.0.0.9:80", 1));
        VirtualServerSnapshot s = snapshot();
        assertThat(s.quorumMet()).isFalse();
        assertThat(s.sorryServerActive()).isTrue();
        assertThat(s.realServersUp()).isEqualTo(1);
        assertThat(s.realServers().get(1).checkFailures()).isGreaterThanOrEqualTo(2);

        b = listen(pb);
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.realServerEvents().size() == 2);
        service.drainIpvs();
        assertThat(sink.realServerEvents().get(1).up()).isTrue();
        assertThat(sink.quorumEvents()).last().satisfies(e -> assertThat(e.met()).isTrue());
        assertThat(ipvs.weights(KEY)).containsOnly(entry(pa, 2), entry(pb, 3));
        assertThat(snapshot().sorryServerActive()).isFalse();
    }

    @Test
    void inhibitOnFailureKeepsTheServerWithWeightZero() throws IOException {
        a = listen(0);
        b = listen(0);
        int pa = a.getLocalPort();
        int pb = b.getLocalPort();
        service = new LvsService(parse(config("inhibit_on_failure", "", pa, pb)), LvsSettings.DEFAULTS, ipvs, sink,
                Clock.systemUTC());
        service.start();
        a.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.realServerEvents().size() == 1);
        service.drainIpvs();
        assertThat(ipvs.weights(KEY)).containsOnly(entry(pa, 0), entry(pb, 3));
        assertThat(snapshot().realServers().get(0).weight()).isZero();
        a = listen(pa);
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.realServerEvents().size() == 2);
        service.drainIpvs();
        assertThat(ipvs.weights(KEY)).containsOnly(entry(pa, 2), entry(pb, 3));
    }

    @Test
    void alphaModeStartsDownAndComesUpAfterOneSuccess() throws IOException {
        a = listen(0);
        int pa = a.getLocalPort();
        int pb = pa + 1;
        service = new LvsService(parse(config("alpha", "", pa, pb)), LvsSettings.DEFAULTS, ipvs, sink,
                Clock.systemUTC());
        service.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.realServerEvents().size() >= 2);
        service.drainIpvs();
        assertThat(sink.realServerEvents()).anySatisfy(e -> {
            assertThat(e.realServer()).isEqualTo("127.0.0.1:" + pa);
            assertThat(e.up()).isTrue();
        });
        assertThat(sink.realServerEvents()).anySatisfy(e -> {
            assertThat(e.realServer()).isEqualTo("127.0.0.1:" + pb);
            assertThat(e.up()).isFalse();
        });
        assertThat(ipvs.weights(KEY)).containsOnly(entry(pa, 2));
        assertThat(ipvs.operations()).filteredOn(c -> c.startsWith("add destination")).containsExactly(
                "add destination 127.0.0.1:" + pa + " w2 to TCP 127.0.0.1:80");
    }

    @Test
    void monitorOnlyProgramsNothingButStillChecks() throws IOException {
        InMemoryIpvsClient none = new InMemoryIpvsClient(false);
        a = listen(0);
        b = listen(0);
        service = new LvsService(parse(config("", "", a.getLocalPort(), b.getLocalPort())), LvsSettings.DEFAULTS, none,
                sink, Clock.systemUTC());
        service.start();
        b.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.realServerEvents().size() == 1);
        assertThat(none.calls()).isZero();
        assertThat(snapshot().ipvsProgrammed()).isFalse();
        assertThat(snapshot().realServersUp()).isEqualTo(1);
        assertThat(service.ipvsAvailable()).isFalse();
    }

    @Test
    void reloadKeepsStateOfUnchangedServersAndRemovesDroppedOnes() throws IOException {
        a = listen(0);
        int pa = a.getLocalPort();
        int pb = pa + 1;
        service = new LvsService(parse(config("", "", pa, pb)), LvsSettings.DEFAULTS, ipvs, sink, Clock.systemUTC());
        service.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.realServerEvents().size() == 1);
        long failuresBefore = snapshot().realServers().get(1).checkFailures();

        String changed = config("", "", pa, pb).replace("weight 2", "weight 5");
        service.reload(parse(changed));
        service.drainIpvs();
        assertThat(ipvs.weights(KEY)).containsOnly(entry(pa, 5));
        assertThat(snapshot().realServers().get(1).alive()).isFalse();
        assertThat(snapshot().realServers().get(1).checkFailures()).isGreaterThanOrEqualTo(failuresBefore);
        assertThat(sink.realServerEvents()).hasSize(1);

        String onlyA = "virtual_server 127.0.0.1 80 {\n lb_algo wrr\n lb_kind NAT\n protocol TCP\n delay_loop 0.1\n"
                + " real_server 127.0.0.1 " + pa + " {\n weight 5\n TCP_CHECK {\n connect_port " + pa + "\n }\n }\n}\n";
        service.reload(parse(onlyA));
        service.drainIpvs();
        assertThat(snapshot().realServers()).hasSize(1);
        assertThat(ipvs.weights(KEY)).containsOnly(entry(pa, 5));
        assertThat(ipvs.operations()).filteredOn(c -> c.startsWith("add service")).hasSize(1);
        assertThat(ipvs.operations()).contains("update destination 127.0.0.1:" + pa + " w5 of TCP 127.0.0.1:80");
    }

    @Test
    void fileCheckFollowsTheTrackFileValue(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("weight");
        java.nio.file.Files.writeString(file, "3\n");
        var tf = new org.keepalived4j.config.TrackFileConfig("tf", null, file.toString(), 2, false, null, false);
        String text = "virtual_server 127.0.0.1 80 {\n lb_algo wrr\n lb_kind NAT\n protocol TCP\n"
                + " real_server 127.0.0.1 8080 {\n weight 1\n FILE_CHECK {\n track_file tf\n }\n }\n}\n";
        var configs = LvsParsing.parse(org.keepalived4j.config.TextNodes.nodes("t.conf", text), null, List.of(tf))
                .lvs().virtualServers();
        service = new LvsService(configs, LvsSettings.DEFAULTS, ipvs, sink, Clock.systemUTC());
        service.start();
        service.drainIpvs();
        assertThat(ipvs.weights(KEY)).containsOnly(java.util.Map.entry("127.0.0.1:8080", 7));
        java.nio.file.Files.writeString(file, "-2000000000\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.realServerEvents().size() == 1);
        assertThat(sink.realServerEvents().get(0).up()).isFalse();
        java.nio.file.Files.writeString(file, "5\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.realServerEvents().size() == 2);
        service.drainIpvs();
        assertThat(sink.realServerEvents().get(1).up()).isTrue();
        assertThat(ipvs.weights(KEY)).containsOnly(java.util.Map.entry("127.0.0.1:8080", 11));
    }

    @Test
    void aStopReportsEveryLiveServerAndEachQuorumAsStoppingUnlessItFlushesOrKeepsTheTable() throws IOException {
        a = listen(0);
        b = listen(0);
        int pa = a.getLocalPort();
        int pb = b.getLocalPort();
        for (var release : org.keepalived4j.ipvs.IpvsRelease.values()) {
            RecordingSink events = new RecordingSink();
            LvsService s = new LvsService(parse(config("quorum 1", "", pa, pb)), LvsSettings.DEFAULTS,
                    new InMemoryIpvsClient(true), events, Clock.systemUTC());
            s.start();
            s.drainIpvs();
            int before = events.realServerEvents().size();
            int quorumBefore = events.quorumEvents().size();
            s.close(release);
            var down = events.realServerEvents().subList(before, events.realServerEvents().size());
            var quorum = events.quorumEvents().subList(quorumBefore, events.quorumEvents().size());
            switch (release) {
                case KEEP -> {
                    assertThat(down).as("-I says nothing").isEmpty();
                    assertThat(quorum).isEmpty();
                }
                case SERVERS_AND_SERVICES -> {
                    assertThat(down).hasSize(2).allSatisfy(e -> {
                        assertThat(e.up()).isFalse();
                        assertThat(e.stopping()).isTrue();
                    });
                    assertThat(quorum).singleElement().satisfies(e -> {
                        assertThat(e.met()).isFalse();
                        assertThat(e.stopping()).isTrue();
                    });
                }
                default -> {
                    assertThat(down).as("a flush removes no server one by one").isEmpty();
                    assertThat(quorum).singleElement().satisfies(e -> assertThat(e.stopping()).isTrue());
                }
            }
        }
    }

    private static java.util.Map.Entry<String, Integer> entry(int port, int weight) {
        return java.util.Map.entry("127.0.0.1:" + port, weight);
    }
}
