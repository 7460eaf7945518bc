package org.keepalived4j.exporter.snmp.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.NotifySettings;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.ScriptLine;
import org.keepalived4j.model.ScriptSnapshot;
import org.keepalived4j.model.ScriptStatus;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.SyncGroupSettings;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.TrackBfdSnapshot;
import org.keepalived4j.model.TrackProcessSnapshot;
import org.keepalived4j.model.TrackSettings;
import org.keepalived4j.model.VrrpInstanceSettings;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpState;

class KeepalivedVrrpSectionTest {

    private static final String VRRP = "1.3.6.1.4.1.9586.100.5.2";
    private static final FakeInterfaces INTERFACES = new FakeInterfaces().with("eth0", 2, "02:00:00:00:00:02")
            .with("eth1", 3, "02:00:00:00:00:03");

    private final KeepalivedVrrpSection section = new KeepalivedVrrpSection(INTERFACES);

    @Test
    void servesTheInstanceTableAsKeepalivedDoes() {
        Map<String, String> row = SnmpObjects.under(SnmpObjects.of(section, SampleStates.small()), VRRP + ".3.1");

        assertThat(row).contains(
                entry(VRRP + ".3.1.2.51", "Hex-STRING: 56 49 5F 31"),
                entry(VRRP + ".3.1.3.51", "Gauge32: 51"),
                entry(VRRP + ".3.1.4.51", "INTEGER: 2"),
                entry(VRRP + ".3.1.4.52", "INTEGER: 1"),
                entry(VRRP + ".3.1.5.51", "INTEGER: 1"),
                entry(VRRP + ".3.1.7.51", "INTEGER: 150"),
                entry(VRRP + ".3.1.8.51", "INTEGER: 140"),
                entry(VRRP + ".3.1.9.51", "INTEGER: 1"),
                entry(VRRP + ".3.1.9.52", "INTEGER: 2"),
                entry(VRRP + ".3.1.10.51", "Hex-STRING: 65 74 68 30"),
                entry(VRRP + ".3.1.11.51", "INTEGER: 1"),
                entry(VRRP + ".3.1.12.51", "Gauge32: 1"),
                entry(VRRP + ".3.1.15.51", "INTEGER: 1"),
                entry(VRRP + ".3.1.16.51", "INTEGER: 2"),
                entry(VRRP + ".3.1.18.51", "Hex-STRING: 53 47 5F 31"),
                entry(VRRP + ".3.1.19.51", "Gauge32: 5"),
                entry(VRRP + ".3.1.21.51", "INTEGER: 1"),
                entry(VRRP + ".3.1.27.51", "INTEGER: 0"),
                entry(VRRP + ".3.1.30.51", "INTEGER: 2"),
                entry(VRRP + ".3.1.34.51", "INTEGER: 1"),
                entry(VRRP + ".3.1.35.51", "Hex-STRING: E0 00 00 12"));
        // '/etc/keepalived/master.sh'
        assertThat(row.get(VRRP + ".3.1.22.51")).startsWith("Hex-STRING: 27 2F 65 74 63").endsWith("73 68 27");
        assertThat(row).doesNotContainKeys(VRRP + ".3.1.17.51", VRRP + ".3.1.23.51", VRRP + ".3.1.31.51");
    }

    @Test
    void aVrrpv3InstanceShowsItsIntervalInCentisecondsAndItsAcceptModeButNoAuthentication() {
        VrrpInstanceSnapshot v3 = instance(settings("VI_1", 51).with("version", 3)
                .with("advertInterval", Duration.ofMillis(250)).with("accept", false).get());

        Map<String, String> objects = SnmpObjects.of(section, state(v3));

        assertThat(objects).contains(entry(VRRP + ".3.1.12.51", "Gauge32: 25"), entry(VRRP + ".3.1.15.51",
                "INTEGER: 0"), entry(VRRP + ".3.1.27.51", "INTEGER: 2"), entry(VRRP + ".3.1.30.51", "INTEGER: 3"));
    }

    @Test
    void aUnicastInstanceHasNoMulticastColumns() {
        VrrpInstanceSnapshot unicast = instance(settings("VI_1", 51).with("multicastGroup", null)
                .with("unicastPeers", List.of("10.0.0.2")).get());

        assertThat(SnmpObjects.of(section, state(unicast))).doesNotContainKeys(VRRP + ".3.1.34.51",
                VRRP + ".3.1.35.51");
    }

    @Test
    void addressesShowTheirBroadcastScopeInterfaceAliasAndPeer() {
        Map<String, String> addresses = SnmpObjects.under(SnmpObjects.of(section, SampleStates.small()), VRRP + ".6");

        assertThat(addresses).contains(
                entry(VRRP + ".6.1.2.51.1", "INTEGER: 1"),
                entry(VRRP + ".6.1.2.51.2", "INTEGER: 2"),
                entry(VRRP + ".6.1.3.51.1", "Hex-STRING: 0A 00 33 01"),
                entry(VRRP + ".6.1.4.51.1", "Hex-STRING: 00 00 00 00"),
                entry(VRRP + ".6.1.5.51.2", "Gauge32: 64"),
                entry(VRRP + ".6.1.6.51.1", "INTEGER: 14"),
                entry(VRRP + ".6.1.7.51.2", "INTEGER: 3"),
                entry(VRRP + ".6.1.8.51.2", "Hex-STRING: 65 74 68 31"),
                entry(VRRP + ".6.1.10.51.1", "INTEGER: 1"),
                entry(VRRP + ".6.1.10.52.1", "INTEGER: 2"),
                entry(VRRP + ".6.1.11.51.2", "INTEGER: 1"),
                entry(VRRP + ".6.1.11.51.3", "INTEGER: 2"));
        assertThat(addresses).doesNotContainKeys(VRRP + ".6.1.4.51.2", VRRP + ".6.1.9.51.1", VRRP + ".6.1.12.51.1");
    }

    @Test
    void tracksShowTheTrackLinesWeightForScriptsAndTheDefinitionsWeightForFilesBfdAndProcesses() {
        VrrpInstanceSnapshot i = instance(settings("VI_1", 1).with("tracked", List.of(
                new TrackSettings("bfd", "bfd_1", 7, false), new TrackSettings("process", "nginx", 8, true),
                new TrackSettings("script", "chk", -5, true))).get());
        SyncGroupSnapshot group = new SyncGroupSnapshot(new SyncGroupSettings(1, "SG", List.of("VI_1"),
                NotifySettings.NONE, false, false, List.of(new TrackSettings("script", "chk", 4, false),
                        new TrackSettings("bfd", "bfd_1", 0, false), new TrackSettings("process", "nginx", 0, false),
                        new TrackSettings("file", "f", 0, false), new TrackSettings("interface", "eth1", -2, true))),
                VrrpState.BACKUP, null, 0);
        StateSnapshot state = new StateSnapshot(SampleStates.daemon(), List.of(i), List.of(group), List.of(),
                List.of(), List.of(process()), List.of(new TrackBfdSnapshot(1, "bfd_1", -20, true, true)), List.of(),
                List.of());

        Map<String, String> objects = SnmpObjects.of(section, state);

        assertThat(objects).contains(
                entry(VRRP + ".5.1.2.1.1", "Hex-STRING: 63 68 6B"),
                entry(VRRP + ".5.1.3.1.1", "INTEGER: -5"),
                entry(VRRP + ".5.1.4.1.1", "INTEGER: 1"),
                entry(VRRP + ".17.1.2.1.1", "Hex-STRING: 62 66 64 5F 31"),
                entry(VRRP + ".17.1.3.1.1", "INTEGER: -20"),
                entry(VRRP + ".17.1.4.1.1", "INTEGER: 1"),
                entry(VRRP + ".20.1.3.1.1", "INTEGER: 12"),
                entry(VRRP + ".20.1.4.1.1", "INTEGER: 2"),
                entry(VRRP + ".14.1.1.1.1", "Hex-STRING: 65 74 68 31"),
                entry(VRRP + ".14.1.2.1.1", "INTEGER: -2"),
                entry(VRRP + ".14.1.3.1.1", "INTEGER: 1"),
                entry(VRRP + ".15.1.3.1.1", "INTEGER: 4"),
                entry(VRRP + ".16.1.2.1.1", "Hex-STRING: 66"),
                entry(VRRP + ".19.1.3.1.1", "INTEGER: -20"),
                entry(VRRP + ".22.1.3.1.1", "INTEGER: 12"),
                entry(VRRP + ".18.1.2.1", "Hex-STRING: 62 66 64 5F 31"),
                entry(VRRP + ".18.1.3.1", "INTEGER: 1"),
                entry(VRRP + ".18.1.5.1", "INTEGER: 1"));
    }

    @Test
    void processesShowTheirMatchQuorumAndDelaysInMicroseconds() {
        StateSnapshot state = new StateSnapshot(SampleStates.daemon(), List.of(), List.of(), List.of(), List.of(),
                List.of(process()), List.of(), List.of(), List.of());

        assertThat(SnmpObjects.under(SnmpObjects.of(section, state), VRRP + ".21")).containsExactly(
                entry(VRRP + ".21.1.2.1", "Hex-STRING: 6E 67 69 6E 78"),
                entry(VRRP + ".21.1.3.1", "Hex-STRING: 2F 75 73 72 2F 73 62 69 6E 2F 6E 67 69 6E 78"),
                entry(VRRP + ".21.1.4.1", "Hex-STRING: 2D 67 20 78"),
                entry(VRRP + ".21.1.5.1", "INTEGER: 2"),
                entry(VRRP + ".21.1.6.1", "INTEGER: 12"),
                entry(VRRP + ".21.1.7.1", "INTEGER: 2"),
                entry(VRRP + ".21.1.8.1", "Gauge32: 2"),
                entry(VRRP + ".21.1.9.1", "INTEGER: 4"),
                entry(VRRP + ".21.1.10.1", "Gauge32: 250000"),
                entry(VRRP + ".21.1.11.1", "Gauge32: 1500000"),
                entry(VRRP + ".21.1.12.1", "INTEGER: 1"),
                entry(VRRP + ".21.1.13.1", "INTEGER: 3"),
                entry(VRRP + ".21.1.14.1", "INTEGER: 1"));
    }

    @Test
    void scriptResultsFollowKeepalivedsCodes() {
        ScriptSnapshot good = SampleStates.script("good", ScriptStatus.GOOD);
        ScriptSnapshot init = SampleStates.script("init", ScriptStatus.INIT);
        ScriptSnapshot bad = SampleStates.script("bad", ScriptStatus.BAD);
        ScriptSnapshot initFailed = new ScriptSnapshot(Copy.of(bad.settings()).with("initFail", true).get(),
                ScriptStatus.BAD, false, null, -1);

        assertThat(List.of(good, init, bad, initFailed)).extracting(TrackerTables::result).containsExactly(3, 1, 2, 5);
    }

    @Test
    void aScriptIsShownAsKeepalivedQuotesItsWords() {
        ScriptSnapshot s = new ScriptSnapshot(Copy.of(SampleStates.script("chk", ScriptStatus.GOOD).settings())
                .with("script", new ScriptLine("/bin/test -f 'a b'", null, null, List.of("/bin/test", "-f", "a b")))
                .with("interval", Duration.ofMillis(2500)).get(), ScriptStatus.GOOD, false, null, 0);
        StateSnapshot state = new StateSnapshot(SampleStates.daemon(), List.of(), List.of(), List.of(s), List.of());

        assertThat(SnmpObjects.of(section, state)).contains(
                entry(VRRP + ".9.1.3.1", "Hex-STRING: " + SnmpValue.hex("'/bin/test' '-f' 'a b'".getBytes())),
                entry(VRRP + ".9.1.4.1", "INTEGER: 2"),
                entry(VRRP + ".9.1.7.1", "Gauge32: 2"));
    }

    @Test
    void syncGroupsAndTheirMembers() {
        Map<String, String> objects = SnmpObjects.of(section, SampleStates.small());

        assertThat(SnmpObjects.under(objects, VRRP + ".1")).containsExactly(
                entry(VRRP + ".1.1.2.1", "Hex-STRING: 53 47 5F 31"),
                entry(VRRP + ".1.1.3.1", "INTEGER: 2"),
                entry(VRRP + ".1.1.4.1", "INTEGER: 2"),
                entry(VRRP + ".1.1.5.1", "INTEGER: 2"),
                entry(VRRP + ".1.1.10.1", "INTEGER: 2"));
        assertThat(SnmpObjects.under(objects, VRRP + ".2")).containsExactly(
                entry(VRRP + ".2.1.2.1.1", "Hex-STRING: 56 49 5F 31"),
                entry(VRRP + ".2.1.2.1.2", "Hex-STRING: 56 49 5F 32"));
    }

    @Test
    void servesNothingWithoutEnableSnmpVrrp() {
        GlobalSettings off = Copy.of(SampleStates.globals()).with("snmpVrrp", false).get();
        StateSnapshot state = Copy.of(SampleStates.small()).with("daemon",
                Copy.of(SampleStates.daemon()).with("settings", off).get()).get();

        assertThat(SnmpObjects.of(section, state)).isEmpty();
        assertThat(section.root()).hasToString(VRRP);
    }

    private static TrackProcessSnapshot process() {
        return new TrackProcessSnapshot(1, "nginx", "/usr/sbin/nginx", "-g x", "initial", 12, false, 2, 4,
                Duration.ofMillis(250), Duration.ofMillis(1500), true, 3, true);
    }

    private static Copy<VrrpInstanceSettings> settings(String name, int vrid) {
        return Copy.of(SampleStates.settings(name, vrid));
    }

    private static VrrpInstanceSnapshot instance(VrrpInstanceSettings settings) {
        VrrpInstanceSnapshot sample = SampleStates.instance(settings.name(), settings.vrid(), VrrpState.MASTER);
        return new VrrpInstanceSnapshot(settings, sample.status(), sample.counters(), sample.takeover());
    }

    private static StateSnapshot state(VrrpInstanceSnapshot... instances) {
        return new StateSnapshot(SampleStates.daemon(), List.of(instances), List.of(), List.of(), List.of());
    }
}
