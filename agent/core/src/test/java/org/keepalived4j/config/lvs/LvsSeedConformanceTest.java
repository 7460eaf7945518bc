package org.keepalived4j.config.lvs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keepalived4j.config.HttpCheckConfig;
import org.keepalived4j.config.LvsParsing;
import org.keepalived4j.config.TcpCheckConfig;
import org.keepalived4j.config.TextNodes;
import org.keepalived4j.config.VirtualServerConfig;

/**
 * The project's founding configurations: the LVS conditions keepalived 2.2.7's {@code -t}
 * reported (file conformance/NAME.keepalived-t.txt) are reported at the same lines.
 */
class LvsSeedConformanceTest {

    private static final Pattern LINE = Pattern.compile("^\\(\\./[^:]+: Line (\\d+)\\) (.*)$");

    private static String resource(String name) throws IOException {
        try (InputStream in = LvsSeedConformanceTest.class.getResourceAsStream("/conformance/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Lines keepalived reported inside the LVS blocks (from the first virtual_server on). */
    private static Set<Integer> keepalivedLvsLines(String seed, int firstLvsLine) throws IOException {
        Set<Integer> lines = new TreeSet<>();
        for (String line : resource(seed + ".keepalived-t.txt").split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches() && Integer.parseInt(m.group(1)) >= firstLvsLine) {
                lines.add(Integer.parseInt(m.group(1)));
            }
        }
        return lines;
    }

    private static int firstVirtualServerLine(String conf) {
        String[] lines = conf.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("virtual_server")) {
                return i + 1;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static LvsParsing.Result parseSeed(String seed) throws IOException {
        return LvsParsing.parse(TextNodes.nodes(seed + ".conf", resource(seed + ".conf")), null, List.of());
    }

    private static Set<Integer> reportedLines(LvsParsing.Result r) {
        Set<Integer> lines = new TreeSet<>();
        r.diagnostics().forEach(d -> lines.add(d.location().line()));
        return lines;
    }

    @Test
    void seed001ReportsPersistenceTimeoutZeroAndDeprecatedNbGetRetry() throws IOException {
        String seed = "001-dual-master-lvs-dr";
        LvsParsing.Result r = parseSeed(seed);
        assertThat(reportedLines(r)).isEqualTo(keepalivedLvsLines(seed, firstVirtualServerLine(resource(seed + ".conf"))))
                .containsExactly(50, 61, 73, 83, 94);
        assertThat(r.lvs().virtualServers()).hasSize(2);
        VirtualServerConfig vs = r.lvs().virtualServers().get(0);
        assertThat(vs.key()).isEqualTo("172.18.50.50:80/tcp");
        assertThat(vs.persistenceTimeout()).isZero();
        assertThat(vs.sorryServer().port()).isEqualTo(80);
        HttpCheckConfig http = (HttpCheckConfig) vs.realServers().get(0).checkers().get(0);
        assertThat(http.options().retry()).isEqualTo(3);
        assertThat(http.options().delayLoopMicros()).isEqualTo(6_000_000);
        assertThat(http.connection().connectTimeoutMicros()).isEqualTo(3_000_000);
    }

    @Test
    void seed002HasNothingToSayAboutItsLvsBlocks() throws IOException {
        String seed = "002-annotated-full";
        LvsParsing.Result r = parseSeed(seed);
        int firstLvsLine = firstVirtualServerLine(resource(seed + ".conf"));
        assertThat(r.diagnostics()).filteredOn(d -> d.location() != null && d.location().line() >= firstLvsLine)
                .isEmpty();
        VirtualServerConfig vs = r.lvs().virtualServers().get(0);
        assertThat(vs.persistenceTimeout()).isEqualTo(50);
        HttpCheckConfig ssl = (HttpCheckConfig) vs.realServers().get(0).checkers().get(0);
        assertThat(ssl.ssl()).isTrue();
        assertThat(ssl.urls().get(0).digest()).isEqualTo("ff20ad2481f97b1754ef3e12ecd3a9cc");
        assertThat(vs.realServers().get(1).checkers().get(0)).isInstanceOf(TcpCheckConfig.class);
    }

    @Test
    void seed003ReportsNbGetRetryAsUnknownInsideTcpCheck() throws IOException {
        String seed = "003-lvs-dr-backup";
        LvsParsing.Result r = parseSeed(seed);
        assertThat(reportedLines(r)).isEqualTo(keepalivedLvsLines(seed, firstVirtualServerLine(resource(seed + ".conf"))))
                .containsExactly(33, 42);
        assertThat(r.messages()).containsOnly("33 Unknown keyword 'nb_get_retry'", "42 Unknown keyword 'nb_get_retry'");
        TcpCheckConfig tcp = (TcpCheckConfig) r.lvs().virtualServers().get(0).realServers().get(0).checkers().get(0);
        assertThat(tcp.options().retry()).isEqualTo(1);
        assertThat(tcp.options().delayBeforeRetryMicros()).isEqualTo(3_000_000);
    }
}
