package org.keepalived4j.exporter.prometheus;

import java.util.ArrayList;
import java.util.Comparator;
import org.keepalived4j.model.AddressSettings;
import org.keepalived4j.model.ScriptSnapshot;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.TrackerSnapshot;
import org.keepalived4j.model.TransitionCount;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.keepalived4j.model.VrrpInstanceSnapshot;

/**
 * The order series are published in: by label values, label names alphabetically (the order
 * client_java sorted every family in, which Prometheus and the golden scrapes expect). Each
 * family walks the objects in this order, so the order of the objects is the order of their
 * series. Ordering never changes what is published, only where.
 */
final class ScrapeOrder {

    static final Comparator<VrrpInstanceSnapshot> INSTANCES = Comparator.comparing(VrrpInstanceSnapshot::name);
    static final Comparator<SyncGroupSnapshot> SYNC_GROUPS = Comparator.comparing(SyncGroupSnapshot::name);
    static final Comparator<ScriptSnapshot> SCRIPTS = Comparator.comparing(ScriptSnapshot::name);
    static final Comparator<VirtualServerSnapshot> VIRTUAL_SERVERS = Comparator.comparing(VirtualServerSnapshot::key);

    /** Labels {@code reason, to}. */
    static final Comparator<TransitionCount> TRANSITIONS = (a, b) -> {
        int c = a.reason().label().compareTo(b.reason().label());
        return c != 0 ? c : a.to().name().compareTo(b.to().name());
    };

    /** Labels {@code kind, tracker}. */
    static final Comparator<TrackerSnapshot> TRACKERS = (a, b) -> {
        int c = a.kind().compareTo(b.kind());
        return c != 0 ? c : a.name().compareTo(b.name());
    };

    private ScrapeOrder() {
    }

    /** Sorts {@code list[from, to)} in place, stably; for the few items of one object. */
    static <T> void sort(ArrayList<T> list, int from, int to, Comparator<? super T> order) {
        for (int i = from + 1; i < to; i++) {
            T item = list.get(i);
            int j = i - 1;
            while (j >= from && order.compare(list.get(j), item) > 0) {
                list.set(j + 1, list.get(j));
                j--;
            }
            list.set(j + 1, item);
        }
    }

    /**
     * Labels {@code intf, ip_address} of two virtual addresses: by the device they are on (the
     * instance's interface when they name none), then by {@link AddressSettings#address()}.
     */
    static int compareAddresses(AddressSettings a, AddressSettings b, String instanceInterface) {
        int c = device(a, instanceInterface).compareTo(device(b, instanceInterface));
        return c != 0 ? c : compareAddress(a, b);
    }

    static String device(AddressSettings a, String instanceInterface) {
        return a.device() == null ? instanceInterface : a.device();
    }

    /**
     * {@code a.address().compareTo(b.address())} ({@code value/prefix}) without building either
     * string.
     */
    static int compareAddress(AddressSettings a, AddressSettings b) {
        String va = a.value();
        String vb = b.value();
        int na = va.length();
        int nb = vb.length();
        int la = na + 1 + digitCount(a.prefixLength());
        int lb = nb + 1 + digitCount(b.prefixLength());
        for (int i = 0, n = Math.min(la, lb); i < n; i++) {
            char ca = charAt(va, na, a.prefixLength(), la, i);
            char cb = charAt(vb, nb, b.prefixLength(), lb, i);
            if (ca != cb) {
                return ca - cb;
            }
        }
        return la - lb;
    }

    /** The char at {@code i} of {@code value + "/" + prefix} (of length {@code length}). */
    private static char charAt(String value, int valueLength, int prefix, int length, int i) {
        if (i < valueLength) {
            return value.charAt(i);
        }
        if (i == valueLength) {
            return '/';
        }
        long p = prefix;
        if (p < 0) {
            if (i == valueLength + 1) {
                return '-';
            }
            p = -p;
        }
        for (int k = length - 1; k > i; k--) {
            p /= 10;
        }
        return (char) ('0' + p % 10);
    }

    /** How many chars {@code Integer.toString(v)} has. */
    static int digitCount(int v) {
        long p = v;
        int n = 1;
        if (p < 0) {
            n++;
            p = -p;
        }
        while (p >= 10) {
            p /= 10;
            n++;
        }
        return n;
    }
}
