package org.keepalived4j.exporter.snmp.global;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.keepalived4j.model.DaemonSnapshot;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.MailSettings;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.VrrpRouterCounters;
import org.keepalived4j.model.VrrpState;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * The configurations keepalived was walked with (keepalived-NAME.conf beside the walks), each
 * with the global settings keepalived4j's daemon holds for it and the objects that differ by
 * product or host (compared by type only): the version string always, and the host name where
 * keepalived falls back to it.
 */
enum KeepalivedGlobalCases {

    MINIMAL("minimal", new GlobalSettings("snck-minimal", new MailSettings(null, 25, "testhost",
            Duration.ofSeconds(30), "keepalived@testhost", List.of(), null, null, null, true, null), false, true,
            false, false, false, "unix:/tmp/agentx.sock", false, false, "no", null, false, null, false)),

    MAIL("mail", new GlobalSettings("snck-mail", new MailSettings("192.0.2.25", 2525, "testhost",
            Duration.ofSeconds(17), "lb@example.com", List.of("ops@example.com", "oncall@example.com"), true, false,
            true, false, "192.0.2.25"), true, true, false, false, false, "unix:/tmp/agentx.sock", true, true, "vs",
            "snck-global", true, null, false)),

    // router_id falls back to the host name, the sender to user@host: both differ by host
    IPV6("ipv6", new GlobalSettings(null, new MailSettings("fd00::25", 25, "testhost", Duration.ofSeconds(30),
            "keepalived@testhost", List.of(), null, true, null, true, "fd00::25"), false, true, false, false, false,
            "unix:/tmp/agentx.sock", false, false, "full", null, false, null, false), GlobalSection.ROUTER_ID,
            new OID("1.3.6.1.4.1.9586.100.5.1.3.4.0")),

    // the daemon resolves the name when it reads the configuration, as keepalived does
    HOSTNAME("hostname", new GlobalSettings("snck-hostname", new MailSettings("localhost", 587, "testhost",
            Duration.ofSeconds(30), "keepalived@localhost", List.of(), false, null, null, true, "127.0.0.1"), false,
            true, false, false, false, "unix:/tmp/agentx.sock", false, false, "no", null, false, null, false));

    final String name;
    final GlobalSettings settings;
    private final Set<OID> typeOnly;

    KeepalivedGlobalCases(String name, GlobalSettings settings, OID... hostSpecific) {
        this.name = name;
        this.settings = settings;
        // the version string names the product
        this.typeOnly = new java.util.HashSet<>(List.of(hostSpecific));
        this.typeOnly.add(new OID("1.3.6.1.4.1.9586.100.5.1.1.0"));
    }

    /** The snapshot the daemon holds for the configuration: these globals and one VRRP instance. */
    StateSnapshot state() {
        String routerId = settings.routerId() != null ? settings.routerId() : "testhost";
        DaemonSnapshot daemon = new DaemonSnapshot("0.1.0-test", routerId, 4242, SampleStates.NOW,
                "/etc/keepalived/keepalived.conf", SampleStates.NOW, 0, false, null, settings,
                VrrpRouterCounters.ZERO);
        return new StateSnapshot(daemon, List.of(SampleStates.instance("VI_1", 51, VrrpState.BACKUP)), List.of(),
                List.of(), List.of());
    }

    /** The section serves what keepalived served: the same objects, types and values. */
    void assertSameAs(SortedMap<OID, Variable> keepalived) {
        SortedMap<OID, Variable> ours = new TreeMap<>();
        new GlobalSection().collect(state(), ours);

        assertThat(ours.keySet()).as(name).containsExactlyElementsOf(keepalived.keySet());
        for (Map.Entry<OID, Variable> e : keepalived.entrySet()) {
            Variable value = ours.get(e.getKey());
            if (typeOnly.contains(e.getKey())) {
                assertThat(value.getSyntax()).as("%s: type of %s", name, e.getKey())
                        .isEqualTo(e.getValue().getSyntax());
            } else {
                assertThat(SnmpWalkText.describe(value)).as("%s: %s", name, e.getKey())
                        .isEqualTo(SnmpWalkText.describe(e.getValue()));
            }
        }
    }
}
