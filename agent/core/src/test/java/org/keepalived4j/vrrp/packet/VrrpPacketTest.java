package org.keepalived4j.vrrp.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class VrrpPacketTest {

    private static final List<VrrpAddress> ONE = List.of(VrrpAddress.parse("192.0.2.1"));

    @Test
    void refusesFieldsOutsideTheirWireRange() {
        byte[] auth = new byte[8];
        assertThatThrownBy(() -> new VrrpPacket(4, 1, 1, 1, 0, new byte[0], 1, IpFamily.IPV4, ONE, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VrrpPacket(2, 16, 1, 1, 0, auth, 1, IpFamily.IPV4, ONE, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VrrpPacket.advertisementV2(256, 1, 0, auth, 1, ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VrrpPacket.advertisementV2(1, -1, 0, auth, 1, ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VrrpPacket.advertisementV2(1, 1, 0, auth, 256, ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VrrpPacket.advertisementV3(IpFamily.IPV4, 1, 1, 4096, ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VrrpPacket(2, 1, 1, 1, 0, auth, 1, IpFamily.IPV4, ONE, 0x10000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesV2OverIpv6AndAuthenticationInV3() {
        assertThatThrownBy(() -> new VrrpPacket(2, 1, 1, 1, 0, new byte[8], 1, IpFamily.IPV6, List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VrrpPacket(3, 1, 1, 1, 1, new byte[0], 1, IpFamily.IPV4, ONE, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VrrpPacket(3, 1, 1, 1, 0, new byte[8], 1, IpFamily.IPV4, ONE, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VrrpPacket.advertisementV2(1, 1, 0, new byte[7], 1, ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesMixedFamiliesAndMoreThan255Addresses() {
        assertThatThrownBy(() -> VrrpPacket.advertisementV3(IpFamily.IPV6, 1, 1, 100, ONE))
                .isInstanceOf(IllegalArgumentException.class);
        List<VrrpAddress> tooMany = new ArrayList<>(Collections.nCopies(256, ONE.get(0)));
        assertThatThrownBy(() -> VrrpPacket.advertisementV3(IpFamily.IPV4, 1, 1, 100, tooMany))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsItsOwnCopiesOfAuthDataAndAddresses() {
        byte[] auth = VrrpAuth.simplePassword("pw");
        List<VrrpAddress> addresses = new ArrayList<>(ONE);
        VrrpPacket packet = VrrpPacket.advertisementV2(1, 100, VrrpPacket.AUTH_PASS, auth, 1, addresses);
        auth[0] = 'X';
        addresses.clear();
        packet.authData()[1] = 'Y';
        assertThat(packet.authDataMatches(VrrpAuth.simplePassword("pw"))).isTrue();
        assertThat(packet.addresses()).isEqualTo(ONE);
    }

    @Test
    void comparesAuthDataByContent() {
        VrrpPacket a = VrrpPacket.advertisementV2(1, 100, 1, VrrpAuth.simplePassword("pw"), 1, ONE);
        VrrpPacket b = VrrpPacket.advertisementV2(1, 100, 1, VrrpAuth.simplePassword("pw"), 1, ONE);
        VrrpPacket c = VrrpPacket.advertisementV2(1, 100, 1, VrrpAuth.simplePassword("px"), 1, ONE);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
        assertThat(a.authDataMatches(VrrpAuth.simplePassword("px"))).isFalse();
    }

    @Test
    void neverShowsTheAuthenticationData() {
        VrrpPacket packet = VrrpPacket.advertisementV2(1, 100, 1, VrrpAuth.simplePassword("hunter2"), 1, ONE);
        assertThat(packet.toString()).doesNotContain("hunter2").contains("vrid=1").contains("192.0.2.1");
    }

    @Test
    void knowsItsLengthAndInterval() {
        VrrpPacket v2 = VrrpPacket.advertisementV2(1, 100, 0, new byte[8], 3, ONE);
        assertThat(v2.messageLength()).isEqualTo(20);
        assertThat(v2.advertIntervalMicros()).isEqualTo(3_000_000);
        VrrpPacket v3 = VrrpPacket.advertisementV3(IpFamily.IPV6, 1, 100, 25,
                List.of(VrrpAddress.parse("fd00::1"), VrrpAddress.parse("fd00::2")));
        assertThat(v3.messageLength()).isEqualTo(40);
        assertThat(v3.advertIntervalMicros()).isEqualTo(250_000);
        assertThat(v3.authData()).isEmpty();
    }

    @Test
    void changesOnlyThePriority() {
        VrrpPacket packet = VrrpPacket.advertisementV3(IpFamily.IPV4, 9, 150, 100, ONE);
        assertThat(packet.withPriority(0)).isEqualTo(VrrpPacket.advertisementV3(IpFamily.IPV4, 9, 0, 100, ONE));
    }
}
