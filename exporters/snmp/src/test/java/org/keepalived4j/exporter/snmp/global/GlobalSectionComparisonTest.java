package org.keepalived4j.exporter.snmp.global;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.DaemonSnapshot;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.MailSettings;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.VrrpRouterCounters;
import org.keepalived4j.model.VrrpState;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;

/**
 * The global section against what keepalived 2.2.7 itself serves: each walk-NAME.txt was captured
 * from keepalived running keepalived-NAME.conf (src/test/scripts/capture-keepalived-global.sh);
 * each test builds the snapshot keepalived4j's daemon holds for that configuration and expects the
 * same objects, types and values. The version string, and the host name where keepalived
 * falls back to it, differ by product and host: those are compared by type.
 */
class GlobalSectionComparisonTest {

    private static final OID VERSION = new OID("1.3.6.1.4.1.9586.100.5.1.1.0");
    private static final OID EMAIL_FROM = new OID("1.3.6.1.4.1.9586.100.5.1.3.4.0");

    @Test
    void servesKeepalivedsDefaultsWithoutMail() throws IOException {
        MailSettings mail = new MailSettings(null, 25, "testhost", Duration.ofSeconds(30), "keepalived@testhost",
                List.of(), null, null, null, true, null);
        GlobalSettings g = new GlobalSettings("snck-minimal", mail, false, true, false, false, false,
                "unix:/tmp/agentx.sock", false, false, "no", null, false, null, false);

        assertSameAsKeepalived("walk-minimal.txt", g, Set.of(VERSION));
    }

    @Test
    void servesEveryScalarSetAwayFromItsDefault() throws IOException {
        MailSettings mail = new MailSettings("192.0.2.25", 2525, "testhost", Duration.ofSeconds(17),
                "lb@example.com", List.of("ops@example.com", "oncall@example.com"), true, false, true, false,
                "192.0.2.25");
        GlobalSettings g = new GlobalSettings("snck-mail", mail, true, true, false, false, false,
                "unix:/tmp/agentx.sock", true, true, "vs", "snck-global", true, null, false);

        assertSameAsKeepalived("walk-mail.txt", g, Set.of(VERSION));
    }

    @Test
    void servesAnIpv6SmtpServerWithKeepalivedsDefaultsFilledIn() throws IOException {
        MailSettings mail = new MailSettings("fd00::25", 25, "testhost", Duration.ofSeconds(30),
                "keepalived@testhost", List.of(), null, true, null, true, "fd00::25");
        GlobalSettings g = new GlobalSettings(null, mail, false, true, false, false, false, "unix:/tmp/agentx.sock",
                false, false, "full", null, false, null, false);

        // router_id falls back to the host name, the sender to user@host: both differ by host
        assertSameAsKeepalived("walk-ipv6.txt", g, Set.of(VERSION, GlobalSection.ROUTER_ID, EMAIL_FROM));
    }

    @Test
    void servesTheAddressAHostNamedSmtpServerResolvedTo() throws IOException {
        MailSettings mail = new MailSettings("localhost", 587, "testhost", Duration.ofSeconds(30),
                "keepalived@localhost", List.of(), false, null, null, true, "127.0.0.1");
        GlobalSettings g = new GlobalSettings("snck-hostname", mail, false, true, false, false, false,
                "unix:/tmp/agentx.sock", false, false, "no", null, false, null, false);

        assertSameAsKeepalived("walk-hostname.txt", g, Set.of(VERSION));
    }

    private void assertSameAsKeepalived(String walk, GlobalSettings settings, Set<OID> typeOnly)
            throws IOException {
        SortedMap<OID, Variable> expected = SnmpWalkText.read(getClass(), walk);
        SortedMap<OID, Variable> actual = new TreeMap<>();
        new GlobalSection().collect(state(settings), actual);

        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<OID, Variable> e : expected.entrySet()) {
            Variable ours = actual.get(e.getKey());
            if (typeOnly.contains(e.getKey())) {
                assertThat(ours.getSyntax()).as("type of %s", e.getKey()).isEqualTo(e.getValue().getSyntax());
            } else {
                assertThat(describe(ours)).as("%s", e.getKey()).isEqualTo(describe(e.getValue()));
            }
        }
    }

    private static StateSnapshot state(GlobalSettings settings) {
        String routerId = settings.routerId() != null ? settings.routerId() : "testhost";
        DaemonSnapshot daemon = new DaemonSnapshot("0.1.0-test", routerId, 4242, SampleStates.NOW,
                "/etc/keepalived/keepalived.conf", SampleStates.NOW, 0, false, null, settings,
                new VrrpRouterCounters(0, 0, 0));
        return new StateSnapshot(daemon, List.of(SampleStates.instance("VI_1", 51, VrrpState.BACKUP)), List.of(),
                List.of(), List.of());
    }

    /** Syntax and value, the way both sides can be compared (Gauge32 and Unsigned32 share a tag). */
    static String describe(Variable v) {
        String value = v instanceof OctetString s ? s.toHexString() : v.toString();
        return v.getSyntax() + " " + value;
    }
}
