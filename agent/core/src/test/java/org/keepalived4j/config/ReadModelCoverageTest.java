package org.keepalived4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.DaemonSnapshot;
import org.keepalived4j.model.HistogramSnapshot;
import org.keepalived4j.model.IpvsStats;
import org.keepalived4j.model.RealServerSnapshot;
import org.keepalived4j.model.RealServerStateChanged;
import org.keepalived4j.model.ReloadStatus;
import org.keepalived4j.model.ScriptSnapshot;
import org.keepalived4j.model.ScriptStatus;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.SyncGroupStateChanged;
import org.keepalived4j.model.TrackBfdSnapshot;
import org.keepalived4j.model.TrackFileSnapshot;
import org.keepalived4j.model.TrackProcessSnapshot;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VirtualServerGroupSnapshot;
import org.keepalived4j.model.VirtualServerQuorumChanged;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.keepalived4j.model.VrrpCounters;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpInstanceStatus;
import org.keepalived4j.model.VrrpRouterCounters;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.model.VrrpStateChanged;
import org.keepalived4j.state.GlobalReadModel;
import org.keepalived4j.state.LvsReadModel;
import org.keepalived4j.state.VrrpReadModel;

/**
 * Everything an SNMP table row or an alert needs is in the read model: every column of every
 * table of KEEPALIVED-MIB (the file Debian's keepalived package installs) and every field an
 * alert carries is found, set, in the snapshot the read model builds from a configuration that
 * sets every keyword they show. Where the mapping (keepalived-mib-columns.txt) says a column is
 * not held, it says why.
 */
class ReadModelCoverageTest {

    private static final Path MIB = Path.of("/usr/share/snmp/mibs/KEEPALIVED-MIB.txt");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static KeepalivedConfig config() throws IOException {
        String text;
        try (InputStream in = ReadModelCoverageTest.class.getResourceAsStream("read-model-coverage.conf")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ConfigResult result = Parsing.parse(text, FakeSystemProbe.withInterfaces("eth0", "eth1", "eth2"));
        assertThat(result.diagnostics().stream().filter(Diagnostic::rejectsPart).map(Diagnostic::toString))
                .as("the coverage configuration loses nothing").isEmpty();
        return result.config();
    }

    /** The snapshot the daemon would publish for the configuration, with live values filled in. */
    static StateSnapshot state(KeepalivedConfig c) {
        List<VrrpInstanceSnapshot> instances = new ArrayList<>();
        for (VrrpInstanceConfig i : c.vrrpInstances()) {
            var settings = VrrpReadModel.instance(i, instances.size() + 1, c);
            List<Boolean> present = settings.addresses().stream().map(a -> a.advertised()).toList();
            instances.add(new VrrpInstanceSnapshot(settings, new VrrpInstanceStatus(VrrpState.MASTER,
                    VrrpState.MASTER, i.priority(), i.priority() - 5, Duration.ofSeconds(2), "10.0.51.1",
                    i.priority(), "10.0.51.1", NOW, TransitionReason.MASTER_NO_RESPONSE, 2, List.of(), List.of(),
                    present), VrrpCounters.ZERO, HistogramSnapshot.EMPTY));
        }
        List<SyncGroupSnapshot> groups = new ArrayList<>();
        for (SyncGroupConfig g : c.syncGroups()) {
            groups.add(new SyncGroupSnapshot(VrrpReadModel.syncGroup(g, groups.size() + 1, c), VrrpState.MASTER, NOW,
                    1));
        }
        List<ScriptSnapshot> scripts = new ArrayList<>();
        for (VrrpScriptConfig s : c.scripts()) {
            scripts.add(new ScriptSnapshot(VrrpReadModel.script(s, scripts.size() + 1), ScriptStatus.GOOD, false, NOW,
                    0));
        }
        List<TrackFileSnapshot> files = new ArrayList<>();
        c.trackFiles().forEach(f -> files.add(VrrpReadModel.trackFile(f, files.size() + 1, 3)));
        List<TrackProcessSnapshot> processes = new ArrayList<>();
        c.trackProcesses().forEach(p -> processes.add(VrrpReadModel.trackProcess(p, processes.size() + 1, 2, true)));
        List<TrackBfdSnapshot> bfds = new ArrayList<>();
        c.bfdInstances().forEach(b -> bfds.add(VrrpReadModel.trackBfd(b, bfds.size() + 1)));
        List<VirtualServerGroupSnapshot> vsGroups = new ArrayList<>();
        c.lvs().groups().forEach(g -> vsGroups.add(LvsReadModel.group(g, vsGroups.size() + 1)));
        List<VirtualServerSnapshot> servers = new ArrayList<>();
        for (VirtualServerConfig vs : c.virtualServers()) {
            List<RealServerSnapshot> real = new ArrayList<>();
            for (RealServerConfig rs : vs.realServers()) {
                real.add(new RealServerSnapshot(LvsReadModel.realServer(vs, rs, real.size() + 1), true, rs.weight(), 0,
                        0, NOW, Duration.ofMillis(3), "OK", HistogramSnapshot.EMPTY, IpvsStats.NONE));
            }
            servers.add(new VirtualServerSnapshot(LvsReadModel.virtualServer(vs, servers.size() + 1), true, false,
                    false, IpvsStats.NONE, real));
        }
        DaemonSnapshot daemon = new DaemonSnapshot("test", c.global().routerId(), 1, NOW, "k.conf", NOW, 0, false,
                ReloadStatus.NONE, GlobalReadModel.of(c.global()), VrrpRouterCounters.ZERO);
        return new StateSnapshot(daemon, instances, groups, scripts, files, processes, bfds, vsGroups, servers);
    }

    /** The columns of each table of the MIB, by table, in MIB order. */
    private static Map<String, List<String>> mibTables() throws IOException {
        assertThat(MIB).as("KEEPALIVED-MIB from Debian's keepalived package (bin/test installs it)").exists();
        String text = Files.readString(MIB, StandardCharsets.US_ASCII);
        Map<String, String> entryOfTable = new LinkedHashMap<>();
        Map<String, List<String>> columnsOfEntry = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*(\\w+)\\s+OBJECT-TYPE\\s+SYNTAX\\s+(.+?)\\n.*?::=\\s*\\{\\s*(\\w+)\\s+\\d+\\s*\\}",
                Pattern.DOTALL).matcher(text);
        while (m.find()) {
            String name = m.group(1);
            String syntax = m.group(2).trim();
            String parent = m.group(3);
            if (syntax.startsWith("SEQUENCE OF")) {
                entryOfTable.put(name, syntax.substring("SEQUENCE OF".length()).trim());
            } else if (parent.endsWith("Entry")) {
                columnsOfEntry.computeIfAbsent(parent, k -> new ArrayList<>()).add(name);
            }
        }
        Map<String, List<String>> tables = new LinkedHashMap<>();
        entryOfTable.forEach((table, entry) -> tables.put(table,
                columnsOfEntry.getOrDefault(Character.toLowerCase(entry.charAt(0)) + entry.substring(1), List.of())));
        return tables;
    }

    /** A table's root and its columns' paths from keepalived-mib-columns.txt. */
    private record Mapping(String root, Map<String, String> columns) {
    }

    private static Map<String, Mapping> mappings() throws IOException {
        Map<String, Mapping> out = new LinkedHashMap<>();
        Mapping current = null;
        try (InputStream in = ReadModelCoverageTest.class.getResourceAsStream("keepalived-mib-columns.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] words = l.split("\\s+", 3);
                if (words[0].equals("table")) {
                    current = new Mapping(words[2], new LinkedHashMap<>());
                    out.put(words[1], current);
                } else {
                    current.columns().put(words[0], l.substring(words[0].length()).strip());
                }
            }
        }
        return out;
    }

    @Test
    void everyColumnOfEveryKeepalivedMibTableIsInTheReadModel() throws Exception {
        StateSnapshot state = state(config());
        Map<String, List<String>> tables = mibTables();
        Map<String, Mapping> mappings = mappings();
        assertThat(tables).as("tables in the MIB").hasSizeGreaterThan(20);
        List<String> problems = new ArrayList<>();
        int found = 0;
        int notHeld = 0;
        for (var table : tables.entrySet()) {
            Mapping mapping = mappings.get(table.getKey());
            if (mapping == null) {
                problems.add(table.getKey() + ": no mapping");
                continue;
            }
            assertThat(table.getValue()).as(table.getKey() + " columns").isNotEmpty();
            for (String column : table.getValue()) {
                String path = mapping.columns().get(column);
                if (path == null) {
                    problems.add(column + ": no mapping");
                } else if (path.startsWith("- ")) {
                    notHeld++;
                } else {
                    Object root = evaluate(state, mapping.root(), state);
                    Object value = path.equals("@row") ? root : evaluate(root, path, state);
                    if (value == null || value instanceof Collection<?> c && c.isEmpty()) {
                        problems.add(column + ": " + path + " is not set (from " + mapping.root() + ")");
                    } else {
                        found++;
                    }
                }
            }
            for (String mapped : mapping.columns().keySet()) {
                if (!table.getValue().contains(mapped)) {
                    problems.add(mapped + ": mapped but not a column of " + table.getKey());
                }
            }
        }
        assertThat(problems).isEmpty();
        int columns = tables.values().stream().mapToInt(List::size).sum();
        assertThat(found + notHeld).isEqualTo(columns);
        // lvs_sync_daemon (2 columns) and the installed status of routes and rules (2): features not supported
        assertThat(notHeld).isEqualTo(4);
    }

    @Test
    void everyFieldAnAlertCarriesIsOnItsEvent() throws Exception {
        StateSnapshot state = state(config());
        VrrpInstanceSnapshot vi = state.vrrpInstances().get(0);
        VirtualServerSnapshot vs = state.virtualServers().get(1);
        Map<Object, List<String>> fields = new LinkedHashMap<>();
        List<String> common = List.of("timestamp", "/daemon.routerId");
        fields.put(new VrrpStateChanged(vi, VrrpState.BACKUP, VrrpState.MASTER, TransitionReason.MASTER_NO_RESPONSE,
                NOW), List.of("instance", "snapshot.settings.vrid", "snapshot.settings.interfaceName", "from", "to",
                "reason", "snapshot.settings.priority", "snapshot.status.effectivePriority",
                "snapshot.status.masterAddress", "snapshot.settings.smtpAlert", "snapshot.settings.notifyScripts",
                "snapshot.settings.syncGroup"));
        fields.put(new SyncGroupStateChanged(state.syncGroups().get(0), VrrpState.BACKUP, VrrpState.MASTER,
                TransitionReason.PREEMPTED, NOW), List.of("group", "from", "to", "reason", "snapshot.settings.members",
                "snapshot.settings.smtpAlert", "snapshot.settings.notifyScripts"));
        fields.put(new RealServerStateChanged(vs.realServers().get(0), vs, false, "HTTP_GET", "status code 503", NOW),
                List.of("virtualServer", "realServer", "up", "weight", "checker", "detail", "service.realServersUp",
                        "service.realServers", "server.settings.smtpAlert", "server.settings.notifyDown"));
        fields.put(new VirtualServerQuorumChanged(vs, false, 5, NOW), List.of("virtualServer", "met", "liveWeight",
                "quorum", "service.settings.hysteresis", "service.settings.smtpAlert", "service.settings.quorumDown"));
        List<String> problems = new ArrayList<>();
        for (var e : fields.entrySet()) {
            List<String> paths = new ArrayList<>(common);
            paths.addAll(e.getValue());
            for (String path : paths) {
                Object value = evaluate(e.getKey(), path, state);
                if (value == null) {
                    problems.add(e.getKey().getClass().getSimpleName() + "." + path + " is not set");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static final Pattern STEP = Pattern.compile("(\\w+)(?:\\((\\w+)\\))?(?:\\[(\\d+)])?");

    /**
     * Follows {@code path} from {@code from} (or from {@code state} when it starts with a slash):
     * record accessors, one-argument methods, list elements; an Optional is unwrapped.
     */
    static Object evaluate(Object from, String path, StateSnapshot state) throws Exception {
        Object current = from;
        String p = path;
        if (p.startsWith("/")) {
            current = state;
            p = p.substring(1);
        }
        for (String step : p.split("\\.")) {
            if (current == null) {
                return null;
            }
            Matcher m = STEP.matcher(step);
            if (!m.matches()) {
                throw new IllegalArgumentException("bad step " + step + " in " + path);
            }
            Method method = m.group(2) == null ? current.getClass().getMethod(m.group(1))
                    : current.getClass().getMethod(m.group(1), String.class);
            current = m.group(2) == null ? method.invoke(current) : method.invoke(current, m.group(2));
            if (current instanceof Optional<?> o) {
                current = o.orElse(null);
            }
            if (m.group(3) != null) {
                List<?> list = (List<?>) current;
                int i = Integer.parseInt(m.group(3));
                current = i < list.size() ? list.get(i) : null;
            }
        }
        return current;
    }
}
