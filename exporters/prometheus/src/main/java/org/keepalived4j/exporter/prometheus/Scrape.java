package org.keepalived4j.exporter.prometheus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.keepalived4j.model.AddressSettings;
import org.keepalived4j.model.DaemonSnapshot;
import org.keepalived4j.model.RealServerSnapshot;
import org.keepalived4j.model.ScriptSnapshot;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.TrackerSnapshot;
import org.keepalived4j.model.TransitionCount;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.keepalived4j.model.VrrpInstanceSnapshot;

/**
 * One scrape's view of the daemon, read once so that every family describes the same moment:
 * the snapshot's objects in the order of their series ({@link ScrapeOrder}), an object whose name
 * or key repeats an earlier one's left out (its series would repeat a label set; reported to
 * {@link SkippedObjects}), and the labels that many families repeat rendered once: those of each
 * VRRP instance ({@code iname, intf, vrid}) and of each real server ({@code real_server,
 * virtual_server}). Reused by one thread, scrape after scrape, so that a scrape allocates next
 * to nothing once the arrays have grown to the daemon's size.
 */
final class Scrape {

    // per instance, in `instanceInfo` (STRIDE ints each): where its labels and its items are
    private static final int LABELS = 0;      // iname="...",intf="...",vrid="..." in text[LABELS, END)
    private static final int NAME_END = 1;    // iname="..." ends here
    private static final int PREFIX_END = 2;  // iname="...",intf="..." ends here; ,vrid="..." follows
    private static final int END = 3;
    private static final int VIPS = 4;        // addresses[VIPS, EXCLUDED): its virtual addresses, in label order
    private static final int EXCLUDED = 5;    // addresses[EXCLUDED, ADDRESSES_END): its excluded addresses
    private static final int ADDRESSES_END = 6;
    private static final int TRANSITIONS = 7; // transitions[TRANSITIONS, TRANSITIONS_END), in label order
    private static final int TRANSITIONS_END = 8;
    private static final int TRACKERS = 9;    // trackers[TRACKERS, TRACKERS_END), in label order, each once
    private static final int TRACKERS_END = 10;
    private static final int STRIDE = 11;

    private static final byte[] INAME = PrometheusTextWriter.ascii("iname=\"");
    private static final byte[] INTF = PrometheusTextWriter.ascii("intf=\"");
    private static final byte[] VRID = PrometheusTextWriter.ascii("vrid=\"");
    private static final byte[] IP_ADDRESS = PrometheusTextWriter.ascii("ip_address=\"");
    private static final byte[] REAL_SERVER = PrometheusTextWriter.ascii("real_server=\"");
    private static final byte[] VIRTUAL_SERVER = PrometheusTextWriter.ascii("virtual_server=\"");

    /** Real servers by their labels: their key, then their virtual server's. */
    private static final Comparator<Row> ROWS = (a, b) -> {
        int c = a.server.key().compareTo(b.server.key());
        return c != 0 ? c : a.virtualServer.compareTo(b.virtualServer);
    };
    private static final Comparator<RealServerSnapshot> REAL_SERVERS = Comparator.comparing(RealServerSnapshot::key);

    /** A real server and its virtual server's key, with where its labels are in {@link #text}. */
    private static final class Row {
        String virtualServer;
        RealServerSnapshot server;
        int labels;
        int end;
    }

    private final SkippedObjects skipped;
    private DaemonSnapshot daemon;
    private final ArrayList<VrrpInstanceSnapshot> instances = new ArrayList<>();
    private final ArrayList<SyncGroupSnapshot> syncGroups = new ArrayList<>();
    private final ArrayList<ScriptSnapshot> scripts = new ArrayList<>();
    private final ArrayList<VirtualServerSnapshot> virtualServers = new ArrayList<>();
    private final ArrayList<Row> realServers = new ArrayList<>();
    private final ArrayList<Row> rowPool = new ArrayList<>();
    private final ArrayList<RealServerSnapshot> oneServer = new ArrayList<>();
    private final ArrayList<TransitionCount> transitions = new ArrayList<>();
    private final ArrayList<TrackerSnapshot> trackers = new ArrayList<>();
    private final List<AlertSinkCollector.Row> alertSinks = new ArrayList<>();
    private int[] instanceInfo = new int[STRIDE * 16];
    /** Indices into an instance's addresses. */
    private int[] addresses = new int[64];
    private int addressCount;
    /** Per virtual server: how many real servers it has, and how many are up. */
    private int[] realServerCounts = new int[32];
    private byte[] text = new byte[4096];
    private int textLength;

    Scrape(SkippedObjects skipped) {
        this.skipped = skipped;
    }

    /** Reads {@code state} (and the alert sinks' MBeans, when {@code alertSinks} is not null). */
    void prepare(StateSnapshot state, AlertSinkCollector alertSinks) {
        clear();
        daemon = state.daemon();
        unique(state.vrrpInstances(), instances, ScrapeOrder.INSTANCES, VrrpInstanceSnapshot::name, "VRRP instance");
        unique(state.syncGroups(), syncGroups, ScrapeOrder.SYNC_GROUPS, SyncGroupSnapshot::name, "sync group");
        unique(state.scripts(), scripts, ScrapeOrder.SCRIPTS, ScriptSnapshot::name, "vrrp_script");
        unique(state.virtualServers(), virtualServers, ScrapeOrder.VIRTUAL_SERVERS, VirtualServerSnapshot::key,
                "virtual server");
        instanceInfo = grow(instanceInfo, instances.size() * STRIDE);
        for (int k = 0; k < instances.size(); k++) {
            prepareInstance(k, instances.get(k));
        }
        realServerCounts = grow(realServerCounts, virtualServers.size() * 2);
        for (int v = 0; v < virtualServers.size(); v++) {
            prepareRealServers(v, virtualServers.get(v));
        }
        realServers.sort(ROWS);
        for (Row row : realServers) {
            row.labels = textLength;
            textLabel(REAL_SERVER, row.server.key());
            text(',');
            textLabel(VIRTUAL_SERVER, row.virtualServer);
            row.end = textLength;
        }
        if (alertSinks != null) {
            alertSinks.read(this.alertSinks);
        }
    }

    /** Forgets the snapshot (keeps the arrays). */
    void clear() {
        daemon = null;
        instances.clear();
        syncGroups.clear();
        scripts.clear();
        virtualServers.clear();
        for (Row row : realServers) {
            row.server = null;
            row.virtualServer = null;
        }
        realServers.clear();
        oneServer.clear();
        transitions.clear();
        trackers.clear();
        alertSinks.clear();
        addressCount = 0;
        textLength = 0;
    }

    private void prepareInstance(int k, VrrpInstanceSnapshot i) {
        int at = k * STRIDE;
        instanceInfo[at + LABELS] = textLength;
        textLabel(INAME, i.name());
        instanceInfo[at + NAME_END] = textLength;
        text(',');
        textLabel(INTF, i.interfaceName());
        instanceInfo[at + PREFIX_END] = textLength;
        text(',');
        ensureText(VRID.length + 12);
        System.arraycopy(VRID, 0, text, textLength, VRID.length);
        textLength = PrometheusTextWriter.digits(i.vrid(), text, textLength + VRID.length);
        text('"');
        instanceInfo[at + END] = textLength;

        instanceInfo[at + VIPS] = addressCount;
        addAddresses(i, true);
        instanceInfo[at + EXCLUDED] = addressCount;
        addAddresses(i, false);
        instanceInfo[at + ADDRESSES_END] = addressCount;

        int from = transitions.size();
        List<TransitionCount> counts = i.status().transitions();
        for (int t = 0; t < counts.size(); t++) {
            transitions.add(counts.get(t));
        }
        ScrapeOrder.sort(transitions, from, transitions.size(), ScrapeOrder.TRANSITIONS);
        instanceInfo[at + TRANSITIONS] = from;
        instanceInfo[at + TRANSITIONS_END] = transitions.size();

        from = trackers.size();
        List<TrackerSnapshot> tracked = i.status().trackers();
        for (int t = 0; t < tracked.size(); t++) {
            trackers.add(tracked.get(t));
        }
        ScrapeOrder.sort(trackers, from, trackers.size(), ScrapeOrder.TRACKERS);
        // a tracker listed twice is served once
        for (int t = trackers.size() - 1; t > from; t--) {
            TrackerSnapshot one = trackers.get(t);
            TrackerSnapshot before = trackers.get(t - 1);
            if (one.kind().equals(before.kind()) && one.name().equals(before.name())) {
                skipped.skipped(one.kind() + " " + one.name() + " tracked by " + i.name());
                trackers.remove(t);
            }
        }
        instanceInfo[at + TRACKERS] = from;
        instanceInfo[at + TRACKERS_END] = trackers.size();
    }

    /** The instance's virtual (or excluded) addresses in label order, each (device, address) once. */
    private void addAddresses(VrrpInstanceSnapshot i, boolean advertised) {
        List<AddressSettings> all = i.settings().addresses();
        String intf = i.interfaceName();
        int from = addressCount;
        for (int a = 0; a < all.size(); a++) {
            if (all.get(a).advertised() != advertised) {
                continue;
            }
            addresses = grow(addresses, addressCount + 1);
            // insertion sort: an instance has few addresses
            int j = addressCount - 1;
            while (j >= from && ScrapeOrder.compareAddresses(all.get(addresses[j]), all.get(a), intf) > 0) {
                addresses[j + 1] = addresses[j];
                j--;
            }
            addresses[j + 1] = a;
            addressCount++;
        }
        // one series per distinct (device, address): a duplicate would fail the whole scrape
        int kept = from;
        for (int j = from; j < addressCount; j++) {
            if (j == from || ScrapeOrder.compareAddresses(all.get(addresses[kept - 1]), all.get(addresses[j]),
                    intf) != 0) {
                addresses[kept++] = addresses[j];
            }
        }
        addressCount = kept;
    }

    private void prepareRealServers(int v, VirtualServerSnapshot vs) {
        List<RealServerSnapshot> servers = vs.realServers();
        oneServer.clear();
        for (int r = 0; r < servers.size(); r++) {
            oneServer.add(servers.get(r));
        }
        oneServer.sort(REAL_SERVERS);
        int up = 0;
        int count = 0;
        for (int r = 0; r < oneServer.size(); r++) {
            RealServerSnapshot rs = oneServer.get(r);
            if (r > 0 && rs.key().equals(oneServer.get(r - 1).key())) {
                skipped.skipped("real server of " + vs.key() + " " + rs.key());
                continue;
            }
            count++;
            if (rs.alive()) {
                up++;
            }
            Row row;
            if (realServers.size() < rowPool.size()) {
                row = rowPool.get(realServers.size());
            } else {
                row = new Row();
                rowPool.add(row);
            }
            row.virtualServer = vs.key();
            row.server = rs;
            realServers.add(row);
        }
        oneServer.clear();
        realServerCounts[2 * v] = count;
        realServerCounts[2 * v + 1] = up;
    }

    /**
     * {@code items} sorted into {@code out}; of items with one key the first (in configuration
     * order) is kept, the others are left out and reported.
     */
    private <T> void unique(List<T> items, ArrayList<T> out, Comparator<? super T> order, Function<T, String> key,
            String kind) {
        for (int i = 0; i < items.size(); i++) {
            out.add(items.get(i));
        }
        out.sort(order);
        int kept = 0;
        for (int i = 0; i < out.size(); i++) {
            T item = out.get(i);
            if (kept > 0 && key.apply(item).equals(key.apply(out.get(kept - 1)))) {
                skipped.skipped(kind + " " + key.apply(item));
            } else {
                out.set(kept++, item);
            }
        }
        while (out.size() > kept) {
            out.remove(out.size() - 1);
        }
    }

    // ---- what the families read

    DaemonSnapshot daemon() {
        return daemon;
    }

    List<VrrpInstanceSnapshot> instances() {
        return instances;
    }

    List<SyncGroupSnapshot> syncGroups() {
        return syncGroups;
    }

    List<ScriptSnapshot> scripts() {
        return scripts;
    }

    List<VirtualServerSnapshot> virtualServers() {
        return virtualServers;
    }

    /** Real servers of virtual server {@code v} (each key once). */
    int realServerCount(int v) {
        return realServerCounts[2 * v];
    }

    int realServersUp(int v) {
        return realServerCounts[2 * v + 1];
    }

    /** Every real server of every virtual server, in the order of their labels. */
    int realServerRows() {
        return realServers.size();
    }

    RealServerSnapshot realServer(int row) {
        return realServers.get(row).server;
    }

    /** {@code real_server, virtual_server}. */
    void realServerLabels(int row, PrometheusTextWriter out) {
        Row r = realServers.get(row);
        out.labels(text, r.labels, r.end);
    }

    List<AlertSinkCollector.Row> alertSinks() {
        return alertSinks;
    }

    /** {@code iname, intf, vrid} of instance {@code k}. */
    void instanceLabels(int k, PrometheusTextWriter out) {
        int at = k * STRIDE;
        out.labels(text, instanceInfo[at + LABELS], instanceInfo[at + END]);
    }

    /** {@code iname, intf}: the labels before the instance's own ones in the order of names. */
    void instancePrefix(int k, PrometheusTextWriter out) {
        int at = k * STRIDE;
        out.labels(text, instanceInfo[at + LABELS], instanceInfo[at + PREFIX_END]);
    }

    /** {@code vrid}: the last of an instance's labels. */
    void instanceVrid(int k, PrometheusTextWriter out) {
        int at = k * STRIDE;
        out.labels(text, instanceInfo[at + PREFIX_END] + 1, instanceInfo[at + END]);
    }

    /** How many virtual (or excluded) addresses instance {@code k} has series for. */
    int addressCount(int k, boolean excluded) {
        int at = k * STRIDE;
        return excluded ? instanceInfo[at + ADDRESSES_END] - instanceInfo[at + EXCLUDED]
                : instanceInfo[at + EXCLUDED] - instanceInfo[at + VIPS];
    }

    /** The {@code n}th of them: its index in the instance's configured addresses. */
    int address(int k, boolean excluded, int n) {
        return addresses[instanceInfo[k * STRIDE + (excluded ? EXCLUDED : VIPS)] + n];
    }

    /** Whether the instance's configured address {@code index} is on its interface now. */
    static boolean installed(VrrpInstanceSnapshot i, int index) {
        List<Boolean> present = i.status().addressesPresent();
        return index < present.size() && present.get(index);
    }

    /** {@code iname, intf, ip_address, vrid} of an instance's configured address {@code index}. */
    void addressLabels(int k, int index, PrometheusTextWriter out) {
        VrrpInstanceSnapshot i = instances.get(k);
        AddressSettings a = i.settings().addresses().get(index);
        int at = k * STRIDE;
        out.labels(text, instanceInfo[at + LABELS], instanceInfo[at + NAME_END]);
        out.label(INTF, ScrapeOrder.device(a, i.interfaceName()));
        out.beginLabel(IP_ADDRESS);
        out.labelText(a.value());
        out.labelChar('/');
        out.labelNumber(a.prefixLength());
        out.endLabel();
        instanceVrid(k, out);
    }

    /** {@code iname, intf, ip_address="", vrid}: an instance without virtual addresses. */
    void noAddressLabels(int k, PrometheusTextWriter out) {
        instancePrefix(k, out);
        out.beginLabel(IP_ADDRESS);
        out.endLabel();
        instanceVrid(k, out);
    }

    /** Instance {@code k}'s state changes by (reason, state entered), in label order. */
    int transitionsFrom(int k) {
        return instanceInfo[k * STRIDE + TRANSITIONS];
    }

    int transitionsTo(int k) {
        return instanceInfo[k * STRIDE + TRANSITIONS_END];
    }

    TransitionCount transition(int t) {
        return transitions.get(t);
    }

    /** Instance {@code k}'s trackers by (kind, name), each once. */
    int trackersFrom(int k) {
        return instanceInfo[k * STRIDE + TRACKERS];
    }

    int trackersTo(int k) {
        return instanceInfo[k * STRIDE + TRACKERS_END];
    }

    TrackerSnapshot tracker(int t) {
        return trackers.get(t);
    }

    // ---- the rendered labels

    private void textLabel(byte[] nameQuote, String value) {
        ensureText(nameQuote.length + PrometheusTextWriter.maxEscapedLength(value) + 1);
        System.arraycopy(nameQuote, 0, text, textLength, nameQuote.length);
        textLength = PrometheusTextWriter.escape(value, true, text, textLength + nameQuote.length);
        text[textLength++] = '"';
    }

    private void text(char c) {
        ensureText(1);
        text[textLength++] = (byte) c;
    }

    private void ensureText(int more) {
        if (textLength + more > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + more));
        }
    }

    private static int[] grow(int[] a, int size) {
        return size <= a.length ? a : Arrays.copyOf(a, Math.max(a.length * 2, size));
    }
}
