package org.keepalived4j.check;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetAddress;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keepalived4j.config.LvsParsing;
import org.keepalived4j.config.Parsing;
import org.keepalived4j.config.TcpCheckConfig;
import org.keepalived4j.config.VirtualServerConfig;
import org.keepalived4j.ipvs.InMemoryIpvsClient;
import org.keepalived4j.ipvs.IpvsDestination;
import org.keepalived4j.ipvs.IpvsReconciler;
import org.keepalived4j.ipvs.IpvsRelease;
import org.keepalived4j.ipvs.IpvsService;
import org.keepalived4j.ipvs.IpvsServiceKey;
import org.keepalived4j.linux.Errno;
import org.slf4j.LoggerFactory;

/**
 * What reaches the kernel's IPVS table, command by command, as the daemon starts, reloads, sees
 * real servers fail and recover, and stops. The real servers have no checkers of their own: the
 * test hands their verdicts to the state machine, and waits for the IPVS thread after each step,
 * so every assertion is about a settled table.
 */
class LvsServiceIpvsTest {

    private static final IpvsServiceKey VS1 = key("10.0.0.1");

    private final InMemoryIpvsClient kernel = new InMemoryIpvsClient(true);
    private final RecordingSink sink = new RecordingSink();
    private final Map<RealServerState, CheckerTask> verdicts = new HashMap<>();
    private LvsService service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close(IpvsRelease.KEEP);
        }
    }

    @Test
    void lvsFlushEmptiesTheWholeTableBeforeAnythingIsProgrammed() {
        kernel.existing(new IpvsService(key("10.9.9.9"), "rr", 0, 0, 0), nat("192.168.9.9", 1));
        start(settings("lvs_flush"), vs("10.0.0.1", "", rs(1, 2, "")));
        assertThat(kernel.operations()).containsExactly("flush", "add service TCP 10.0.0.1:80",
                "add destination 192.168.0.1:8080 w2 to TCP 10.0.0.1:80");
        assertThat(kernel.table()).containsOnlyKeys(VS1);
    }

    @Test
    void withoutLvsFlushStartTakesOverAndRepairsWhatIsAlreadyThereAndKeepsForeignServices() {
        kernel.existing(new IpvsService(VS1, "wlc", 0, 0, 0), nat("192.168.0.1", 2), nat("192.168.0.7", 1))
                .existing(new IpvsService(key("10.9.9.9"), "rr", 0, 0, 0));
        start(LvsSettings.DEFAULTS, vs("10.0.0.1", "", rs(1, 2, ""), rs(2, 3, "")));
        assertThat(kernel.operations()).containsExactly("update service TCP 10.0.0.1:80",
                "add destination 192.168.0.2:8080 w3 to TCP 10.0.0.1:80",
                "delete destination 192.168.0.7:8080 from TCP 10.0.0.1:80");
        assertThat(kernel.table()).containsKeys(VS1, key("10.9.9.9"));
    }

    @Test
    void aReloadSendsExactlyTheCommandsItsChangesNeed() {
        start(LvsSettings.DEFAULTS,
                vs("10.0.0.1", "", rs(1, 2, ""), rs(2, 3, "")),
                vs("10.0.0.2", "", rs(4, 1, "")),
                vs("10.0.0.3", "", rs(5, 1, "")),
                vs("10.0.0.5", "", rs(6, 1, "")));
        kernel.clearOperations();

        service.reload(parse(
                vs("10.0.0.1", "", rs(1, 5, ""), rs(3, 1, "")),     // a weight changes, a server goes, one comes
                vs("10.0.0.2", "", rs(4, 1, "")),                    // unchanged
                vs("10.0.0.4", "", rs(7, 1, "")),                    // new
                vs("10.0.0.5", "lb_algo wlc\n", rs(6, 1, ""))));    // new scheduler; 10.0.0.3 dropped
        service.drainIpvs();

        assertThat(kernel.operations()).containsExactly(
                "add destination 192.168.0.3:8080 w1 to TCP 10.0.0.1:80",
                "update destination 192.168.0.1:8080 w5 of TCP 10.0.0.1:80",
                "delete destination 192.168.0.2:8080 from TCP 10.0.0.1:80",
                "add service TCP 10.0.0.4:80",
                "add destination 192.168.0.7:8080 w1 to TCP 10.0.0.4:80",
                "update service TCP 10.0.0.5:80",
                "delete service TCP 10.0.0.3:80");
        assertThat(kernel.table().get(key("10.0.0.5")).scheduler()).isEqualTo("wlc");
    }

    @Test
    void aFailedRealServerIsRemovedAndAddedBackWhenItRecovers() {
        start(LvsSettings.DEFAULTS, vs("10.0.0.1", "", rs(1, 2, ""), rs(2, 3, "")));
        kernel.clearOperations();
        verdict(0, 1, false);
        assertThat(kernel.operations()).containsExactly("delete destination 192.168.0.2:8080 from TCP 10.0.0.1:80");
        verdict(0, 1, true);
        assertThat(kernel.operations()).endsWith("add destination 192.168.0.2:8080 w3 to TCP 10.0.0.1:80");
        assertThat(sink.realServerEvents()).extracting(e -> e.up()).containsExactly(false, true);
    }

    @Test
    void aFailedRealServerWithInhibitOnFailureStaysAtWeightZero() {
        start(LvsSettings.DEFAULTS, vs("10.0.0.1", "", rs(1, 2, ""), rs(2, 3, "inhibit_on_failure\n")));
        kernel.clearOperations();
        verdict(0, 1, false);
        assertThat(kernel.operations()).containsExactly("update destination 192.168.0.2:8080 w0 of TCP 10.0.0.1:80");
        verdict(0, 1, true);
        assertThat(kernel.operations()).endsWith("update destination 192.168.0.2:8080 w3 of TCP 10.0.0.1:80");
        assertThat(service.virtualServers().get(0).realServers().get(1).weight()).isEqualTo(3);
    }

    @Test
    void losingQuorumSwapsThePoolForTheSorryServerAndRegainingItSwapsBack() {
        start(LvsSettings.DEFAULTS, vs("10.0.0.1", "quorum 4\n sorry_server 10.9.9.9 80\n", rs(1, 2, ""),
                rs(2, 3, "")));
        kernel.clearOperations();
        verdict(0, 1, false);
        assertThat(kernel.operations()).containsExactly(
                "add destination 10.9.9.9:80 w1 to TCP 10.0.0.1:80",
                "delete destination 192.168.0.1:8080 from TCP 10.0.0.1:80",
                "delete destination 192.168.0.2:8080 from TCP 10.0.0.1:80");
        assertThat(service.virtualServers().get(0).sorryServerActive()).isTrue();
        kernel.clearOperations();
        verdict(0, 1, true);
        assertThat(kernel.operations()).containsExactly(
                "add destination 192.168.0.1:8080 w2 to TCP 10.0.0.1:80",
                "add destination 192.168.0.2:8080 w3 to TCP 10.0.0.1:80",
                "delete destination 10.9.9.9:80 from TCP 10.0.0.1:80");
        assertThat(service.virtualServers().get(0).quorumMet()).isTrue();
    }

    @Test
    void anInhibitedSorryServerStaysAtWeightZeroWhileTheQuorumHolds() {
        start(LvsSettings.DEFAULTS, vs("10.0.0.1", "quorum 4\n sorry_server 10.9.9.9 80\n sorry_server_inhibit\n",
                rs(1, 2, ""), rs(2, 3, "")));
        assertThat(kernel.weights(VS1)).containsExactly(Map.entry("192.168.0.1:8080", 2),
                Map.entry("192.168.0.2:8080", 3), Map.entry("10.9.9.9:80", 0));
        verdict(0, 1, false);
        assertThat(kernel.weights(VS1)).containsExactly(Map.entry("10.9.9.9:80", 1));
    }

    @Test
    void aCleanStopRemovesEachRealServerThenTheService() {
        kernel.existing(new IpvsService(key("10.9.9.9"), "rr", 0, 0, 0));
        start(LvsSettings.DEFAULTS, vs("10.0.0.1", "", rs(1, 2, ""), rs(2, 3, "")));
        kernel.clearOperations();
        stopWith(null);
        assertThat(kernel.operations()).containsExactly(
                "delete destination 192.168.0.1:8080 from TCP 10.0.0.1:80",
                "delete destination 192.168.0.2:8080 from TCP 10.0.0.1:80",
                "delete service TCP 10.0.0.1:80");
        assertThat(kernel.table()).containsOnlyKeys(key("10.9.9.9"));
    }

    @Test
    void lvsFlushOnStopFlushesTheWholeTable() {
        kernel.existing(new IpvsService(key("10.9.9.9"), "rr", 0, 0, 0));
        start(settings("lvs_flush_onstop"), vs("10.0.0.1", "", rs(1, 2, "")));
        kernel.clearOperations();
        stopWith(null);
        assertThat(kernel.operations()).containsExactly("flush");
        assertThat(kernel.table()).isEmpty();
    }

    @Test
    void lvsFlushOnStopVsRemovesTheServicesWithoutTheirRealServersOneByOne() {
        start(settings("lvs_flush_onstop VS"), vs("10.0.0.1", "", rs(1, 2, ""), rs(2, 3, "")),
                vs("10.0.0.2", "", rs(3, 1, "")));
        kernel.clearOperations();
        stopWith(null);
        assertThat(kernel.operations()).containsExactly("delete service TCP 10.0.0.1:80",
                "delete service TCP 10.0.0.2:80");
    }

    @Test
    void dontReleaseIpvsLeavesTheTableAsItIs() {
        start(settings("lvs_flush_onstop"), vs("10.0.0.1", "", rs(1, 2, "")));
        kernel.clearOperations();
        stopWith(IpvsRelease.KEEP);
        assertThat(kernel.operations()).isEmpty();
        assertThat(kernel.table()).containsOnlyKeys(VS1);
    }

    @Test
    void aKernelErrorOnOneCommandIsLoggedTheOthersAreSentAndTheNextChangeRetriesIt() {
        Logger logger = (Logger) LoggerFactory.getLogger(IpvsReconciler.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            kernel.refuseNext("add destination 192.168.0.1", Errno.ENOMEM);
            start(LvsSettings.DEFAULTS, vs("10.0.0.1", "", rs(1, 2, ""), rs(2, 3, "")));
            assertThat(kernel.operations()).containsExactly("add service TCP 10.0.0.1:80",
                    "add destination 192.168.0.2:8080 w3 to TCP 10.0.0.1:80");
            assertThat(lines.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                    .extracting(ILoggingEvent::getFormattedMessage).asString()
                    .contains("add destination 192.168.0.1:8080", "ENOMEM");
            verdict(0, 1, false);
            assertThat(kernel.weights(VS1)).containsExactly(Map.entry("192.168.0.1:8080", 2));
        } finally {
            logger.detachAppender(lines);
        }
    }

    @Test
    void withoutIpvsTheServersAreStillCheckedAndPublishedAndTheKernelIsNeverCalled() {
        InMemoryIpvsClient none = new InMemoryIpvsClient(false);
        service = new LvsService(parse(vs("10.0.0.1", "", rs(1, 2, ""), rs(2, 3, ""))), LvsSettings.DEFAULTS, none,
                sink, Clock.systemUTC());
        service.start();
        verdict(0, 1, false);
        assertThat(service.ipvsAvailable()).isFalse();
        assertThat(service.virtualServers().get(0).ipvsProgrammed()).isFalse();
        assertThat(service.virtualServers().get(0).realServersUp()).isEqualTo(1);
        assertThat(sink.realServerEvents()).singleElement().satisfies(e -> assertThat(e.up()).isFalse());
        service.close();
        service = null;
        assertThat(none.calls()).isZero();
    }

    private void start(LvsSettings settings, String... virtualServers) {
        service = new LvsService(parse(virtualServers), settings, kernel, sink, Clock.systemUTC());
        service.start();
        service.drainIpvs();
    }

    private void stopWith(IpvsRelease release) {
        if (release == null) {
            service.close();
        } else {
            service.close(release);
        }
        service = null;
    }

    // the verdict of a stand-in checker of real server rs of virtual server vs, once IPVS has followed it
    private void verdict(int vs, int rs, boolean up) {
        VirtualServerState virtualServer = service.states().get(vs);
        RealServerState server = virtualServer.servers.get(rs);
        CheckerTask checker = verdicts.computeIfAbsent(server,
                s -> new CheckerTask(s, new TcpCheckConfig(null, null, null), null, null, LagRecorder.NONE));
        virtualServer.checkerState(server, checker, up, "test verdict");
        service.drainIpvs();
    }

    private static LvsSettings settings(String globalDefs) {
        return LvsSettings.from(Parsing.parse("global_defs {\n" + globalDefs + "\n}\n").config());
    }

    private static List<VirtualServerConfig> parse(String... virtualServers) {
        return LvsParsing.parse(String.join("", virtualServers)).lvs().virtualServers();
    }

    private static String vs(String address, String extra, String... realServers) {
        return "virtual_server " + address + " 80 {\n lb_algo rr\n lb_kind NAT\n protocol TCP\n" + extra
                + String.join("", realServers) + "}\n";
    }

    private static String rs(int host, int weight, String extra) {
        return " real_server 192.168.0." + host + " 8080 {\n weight " + weight + "\n" + extra + " }\n";
    }

    private static IpvsServiceKey key(String address) {
        return IpvsServiceKey.of(IpvsServiceKey.TCP, inet(address), 80);
    }

    private static IpvsDestination nat(String address, int weight) {
        return new IpvsDestination(inet(address), 8080, IpvsDestination.MASQUERADE, weight, 0, 0);
    }

    private static InetAddress inet(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
