package org.keepalived4j.exporter.prometheus;

import io.prometheus.metrics.model.snapshots.Labels;
import org.keepalived4j.model.VipSnapshot;
import org.keepalived4j.model.VrrpInstanceSnapshot;

/** The label sets the common keepalived exporter puts on VRRP series. */
final class VrrpLabels {

    private VrrpLabels() {
    }

    /** {@code iname, intf, vrid}: the instance, its interface and its virtual router id. */
    static Labels instance(VrrpInstanceSnapshot i) {
        return Labels.of("iname", i.name(), "intf", i.interfaceName(), "vrid", Integer.toString(i.vrid()));
    }

    /**
     * {@code iname, intf, vrid, ip_address} for one virtual address: as in keepalived's data dump,
     * {@code intf} is the device the address is installed on and {@code ip_address} carries the prefix.
     */
    static Labels address(VrrpInstanceSnapshot i, VipSnapshot vip) {
        String device = vip.device() == null ? i.interfaceName() : vip.device();
        return Labels.of("iname", i.name(), "intf", device, "vrid", Integer.toString(i.vrid()),
                "ip_address", vip.address());
    }

    /** The series for an instance without virtual addresses: its own interface and an empty address. */
    static Labels noAddress(VrrpInstanceSnapshot i) {
        return Labels.of("iname", i.name(), "intf", i.interfaceName(), "vrid", Integer.toString(i.vrid()),
                "ip_address", "");
    }
}
