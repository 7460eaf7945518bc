package org.keepalived4j.exporter.prometheus;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpState;

/**
 * The label sets the common keepalived exporter puts on VRRP series, and the series they make:
 * {@code iname, intf, vrid} (the instance, its interface and its virtual router id), the legacy
 * {@code iname, intf, state, vrid}, and per virtual address {@code iname, intf, ip_address, vrid}
 * where, as in keepalived's data dump, {@code intf} is the device the address is installed on
 * and {@code ip_address} carries the prefix.
 */
final class VrrpLabels {

    static final byte[] KIND = PrometheusTextWriter.ascii("kind=\"");
    static final byte[] TRACKER = PrometheusTextWriter.ascii("tracker=\"");
    static final byte[] GROUP = PrometheusTextWriter.ascii("group=\"");
    static final byte[] NAME = PrometheusTextWriter.ascii("name=\"");

    /** {@code state="MASTER"}..., by {@link VrrpState#ordinal()}. */
    private static final byte[][] STATES = new byte[VrrpState.values().length][];
    /** {@code to="MASTER"}..., by {@link VrrpState#ordinal()}. */
    private static final byte[][] TO = new byte[VrrpState.values().length][];
    /** {@code reason="master no response"}..., by {@link TransitionReason#ordinal()}. */
    private static final byte[][] REASONS = new byte[TransitionReason.values().length][];

    static {
        for (VrrpState s : VrrpState.values()) {
            STATES[s.ordinal()] = rendered("state", s.name());
            TO[s.ordinal()] = rendered("to", s.name());
        }
        for (TransitionReason r : TransitionReason.values()) {
            REASONS[r.ordinal()] = rendered("reason", r.label());
        }
    }

    private VrrpLabels() {
    }

    /** {@code name="value"}, the value escaped. */
    static byte[] rendered(String name, String value) {
        byte[] b = new byte[name.length() + 3 + PrometheusTextWriter.maxEscapedLength(value)];
        int n = PrometheusTextWriter.escape(name + "=\"", false, b, 0);
        n = PrometheusTextWriter.escape(value, true, b, n);
        b[n++] = '"';
        return java.util.Arrays.copyOf(b, n);
    }

    static byte[] state(VrrpState s) {
        return STATES[s.ordinal()];
    }

    static byte[] to(VrrpState s) {
        return TO[s.ordinal()];
    }

    static byte[] reason(TransitionReason r) {
        return REASONS[r.ordinal()];
    }

    /** One series per instance, labelled {@code iname, intf, vrid}. */
    static MetricFamily.Series perInstance(ToDoubleFunction<VrrpInstanceSnapshot> value) {
        return (scrape, out) -> {
            List<VrrpInstanceSnapshot> instances = scrape.instances();
            for (int k = 0; k < instances.size(); k++) {
                scrape.instanceLabels(k, out);
                out.sample(value.applyAsDouble(instances.get(k)));
            }
        };
    }

    /** One series per instance with the legacy labels {@code iname, intf, state, vrid}. */
    static MetricFamily.Series perInstanceLegacy(ToDoubleFunction<VrrpInstanceSnapshot> value) {
        return (scrape, out) -> {
            List<VrrpInstanceSnapshot> instances = scrape.instances();
            for (int k = 0; k < instances.size(); k++) {
                VrrpInstanceSnapshot i = instances.get(k);
                scrape.instancePrefix(k, out);
                byte[] state = state(i.state());
                out.labels(state, 0, state.length);
                scrape.instanceVrid(k, out);
                out.sample(value.applyAsDouble(i));
            }
        };
    }

    /** What a series per virtual address says about it. */
    @FunctionalInterface
    interface AddressValue {
        double of(VrrpInstanceSnapshot instance, int addressIndex);
    }

    /**
     * One series per distinct (device, address) of each instance's virtual (or excluded)
     * addresses, labelled {@code iname, intf, ip_address, vrid}; with {@code noAddress}, an
     * instance without virtual addresses gets one series with its own interface and an empty
     * {@code ip_address}.
     */
    static MetricFamily.Series perAddress(boolean excluded, boolean noAddress, AddressValue value) {
        return (scrape, out) -> {
            List<VrrpInstanceSnapshot> instances = scrape.instances();
            for (int k = 0; k < instances.size(); k++) {
                VrrpInstanceSnapshot i = instances.get(k);
                int n = scrape.addressCount(k, excluded);
                for (int a = 0; a < n; a++) {
                    int index = scrape.address(k, excluded, a);
                    scrape.addressLabels(k, index, out);
                    out.sample(value.of(i, index));
                }
                if (n == 0 && noAddress) {
                    scrape.noAddressLabels(k, out);
                    out.sample(value.of(i, -1));
                }
            }
        };
    }
}
