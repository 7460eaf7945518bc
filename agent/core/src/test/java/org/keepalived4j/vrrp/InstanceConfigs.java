package org.keepalived4j.vrrp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.config.AuthConfig;
import org.keepalived4j.config.AuthType;
import org.keepalived4j.config.GarpConfig;
import org.keepalived4j.config.IpPrefix;
import org.keepalived4j.config.NotifyConfig;
import org.keepalived4j.config.RxBufferConfig;
import org.keepalived4j.config.SourceLocation;
import org.keepalived4j.config.TrackingConfig;
import org.keepalived4j.config.UnicastPeer;
import org.keepalived4j.config.VipConfig;
import org.keepalived4j.config.VrrpInstanceConfig;
import org.keepalived4j.config.VrrpTransportConfig;
import org.keepalived4j.model.VrrpState;

/** Builds VrrpInstanceConfig records for tests, with keepalived's defaults. */
final class InstanceConfigs {

    String name = "VI_1";
    VrrpState initialState = VrrpState.BACKUP;
    int vrid = 51;
    int priority = 100;
    long advertMicros = 1_000_000;
    int version = 2;
    boolean preempt = true;
    long preemptDelayMicros;
    AuthConfig auth = AuthConfig.NONE;
    List<String> vips = new ArrayList<>(List.of("192.168.200.16"));
    List<UnicastPeer> peers = new ArrayList<>();
    GarpConfig garp = GarpConfig.DEFAULTS;
    int downTimerAdverts = 3;
    boolean lowerPrioNoAdvert;
    boolean higherPrioSendAdvert;
    boolean skipCheckAdvAddr;
    boolean checkUnicastSrc;

    static InstanceConfigs instance() {
        return new InstanceConfigs();
    }

    InstanceConfigs priority(int p) {
        priority = p;
        return this;
    }

    InstanceConfigs master() {
        initialState = VrrpState.MASTER;
        return this;
    }

    InstanceConfigs v3(long micros) {
        version = 3;
        advertMicros = micros;
        return this;
    }

    InstanceConfigs password(String pass) {
        auth = new AuthConfig(AuthType.PASS, pass);
        return this;
    }

    InstanceConfigs nopreempt() {
        preempt = false;
        return this;
    }

    InstanceConfigs preemptDelay(long micros) {
        preemptDelayMicros = micros;
        return this;
    }

    InstanceConfigs name(String n) {
        name = n;
        return this;
    }

    InstanceConfigs vrid(int v) {
        vrid = v;
        return this;
    }

    InstanceConfigs vips(String... addresses) {
        vips = new ArrayList<>(List.of(addresses));
        return this;
    }

    InstanceConfigs unicastPeer(String address) {
        peers.add(new UnicastPeer(address(address), 0, 255));
        return this;
    }

    InstanceConfigs garp(GarpConfig g) {
        garp = g;
        return this;
    }

    InstanceConfigs lowerPrioNoAdvert() {
        lowerPrioNoAdvert = true;
        return this;
    }

    InstanceConfigs skipCheckAdvAddr() {
        skipCheckAdvAddr = true;
        return this;
    }

    VrrpInstanceConfig build() {
        SourceLocation at = new SourceLocation("test.conf", 1);
        List<VipConfig> vipConfigs = vips.stream()
                .map(v -> VipConfig.of(new IpPrefix(address(v), v.contains(":") ? 128 : 32), null, at)).toList();
        VrrpTransportConfig transport = new VrrpTransportConfig(null, null, null, peers, 255, false,
                checkUnicastSrc, null, false, false, RxBufferConfig.NONE);
        return new VrrpInstanceConfig(name, at, initialState, "eth0", vrid, priority, advertMicros, version,
                vips.stream().anyMatch(v -> v.contains(":")), preempt, preemptDelayMicros, auth, vipConfigs, List.of(),
                List.of(), List.of(), false, transport, TrackingConfig.NONE, false, garp, downTimerAdverts,
                lowerPrioNoAdvert, higherPrioSendAdvert, true, false, skipCheckAdvAddr, NotifyConfig.NONE, false,
                false);
    }

    static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
