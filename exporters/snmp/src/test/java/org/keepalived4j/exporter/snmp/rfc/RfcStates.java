package org.keepalived4j.exporter.snmp.rfc;

import java.util.List;
import org.keepalived4j.exporter.snmp.vrrp.Copy;
import org.keepalived4j.exporter.snmp.vrrp.FakeInterfaces;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpPacketError;
import org.keepalived4j.model.VrrpState;

/** Sample instances for the standard MIBs: SampleStates' instances, changed where a test needs it. */
final class RfcStates {

    static final FakeInterfaces INTERFACES = new FakeInterfaces().with("eth0", 2, "02:00:00:00:00:02")
            .with("eth1", 3, "02:00:00:00:00:03");

    private RfcStates() {
    }

    /** A VRRPv2 IPv4 instance on eth0 with two IPv4 virtual addresses (and one excluded). */
    static VrrpInstanceSnapshot v2(String name, int vrid, VrrpState state) {
        VrrpInstanceSnapshot i = SampleStates.instance(name, vrid, state);
        var addresses = i.settings().addresses().stream().filter(a -> !a.ipv6()).toList();
        var present = addresses.stream().map(a -> state == VrrpState.MASTER).toList();
        return new VrrpInstanceSnapshot(Copy.of(i.settings()).with("addresses", addresses).get(),
                Copy.of(i.status()).with("addressesPresent", present).get(), i.counters(), i.takeover());
    }

    /** A VRRPv3 IPv6 instance on eth1 with two IPv6 virtual addresses. */
    static VrrpInstanceSnapshot v3(String name, int vrid, VrrpState state) {
        VrrpInstanceSnapshot i = SampleStates.withVips(SampleStates.instance(name, vrid, state), List.of(
                SampleStates.vip("fe80::1:1", 64, "eth1", state == VrrpState.MASTER),
                SampleStates.vip("fd00::1:1", 64, "eth1", state == VrrpState.MASTER)));
        return new VrrpInstanceSnapshot(Copy.of(i.settings()).with("version", 3).with("ipv6", true)
                .with("interfaceName", "eth1").get(), Copy.of(i.status()).with("masterAddress",
                        state == VrrpState.MASTER ? "fe80::ff:fe00:3" : "fe80::2")
                        .with("primaryAddress", "fe80::ff:fe00:3").get(), i.counters(), i.takeover());
    }

    static VrrpInstanceSnapshot withMasterReason(VrrpInstanceSnapshot i, TransitionReason reason,
            VrrpPacketError error) {
        return new VrrpInstanceSnapshot(i.settings(), Copy.of(i.status()).with("lastMasterReason", reason)
                .with("lastProtocolError", error).get(), i.counters(), i.takeover());
    }

    static StateSnapshot state(VrrpInstanceSnapshot... instances) {
        return new StateSnapshot(SampleStates.daemon(), List.of(instances), List.of(), List.of(), List.of());
    }

    /** {@code state} with other global settings. */
    static StateSnapshot withGlobals(StateSnapshot state, GlobalSettings globals) {
        return Copy.of(state).with("daemon", Copy.of(state.daemon()).with("settings", globals).get()).get();
    }
}
