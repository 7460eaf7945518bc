package org.keepalived4j.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One VRRP instance, in three layers: its settings (what the configuration says, replaced by a
 * reload), its status (what it is doing, replaced after every change) and its counters
 * (keepalived's statistics and the takeover times, read live).
 *
 * @param settings the instance as configured
 * @param status what it is doing now
 * @param counters keepalived's statistics, live
 * @param takeover how long the master had been silent each time it took over, or {@code null}
 */
public record VrrpInstanceSnapshot(VrrpInstanceSettings settings, VrrpInstanceStatus status, VrrpCounters counters,
        HistogramSnapshot takeover) {

    /** The instance name. */
    public String name() {
        return settings.name();
    }

    /** {@code virtual_router_id}. */
    public int vrid() {
        return settings.vrid();
    }

    /** {@code interface}. */
    public String interfaceName() {
        return settings.interfaceName();
    }

    /** The state now. */
    public VrrpState state() {
        return status.state();
    }

    /** The virtual addresses with whether each is on its interface now. */
    public List<VipSnapshot> vips() {
        return addresses(true);
    }

    /** The excluded addresses with whether each is on its interface now. */
    public List<VipSnapshot> excludedVips() {
        return addresses(false);
    }

    private List<VipSnapshot> addresses(boolean advertised) {
        List<AddressSettings> all = settings.addresses();
        List<VipSnapshot> out = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            AddressSettings a = all.get(i);
            if (a.advertised() == advertised) {
                out.add(new VipSnapshot(a, i < status.addressesPresent().size() && status.addressesPresent().get(i)));
            }
        }
        return out;
    }

    /** A copy with other counters (counters change far more often than anything else). */
    public VrrpInstanceSnapshot withCounters(VrrpCounters newCounters, HistogramSnapshot newTakeover) {
        return new VrrpInstanceSnapshot(settings, status, newCounters, newTakeover);
    }
}
