package org.keepalived4j.vrrp.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VipAddressTest {

    @Test
    void givesIpv6AddressesNodadByDefaultLikeKeepalived() throws Exception {
        VipAddress v6 = VipAddress.of(3, InetAddress.getByName("fd00::1"), 64);
        VipAddress v4 = VipAddress.of(3, InetAddress.getByName("10.0.0.1"), 24);

        assertThat(v6.flags()).containsExactly(VipFlag.NODAD);
        assertThat(v6.flagBits()).isEqualTo(0x02);
        assertThat(v4.flags()).isEmpty();
        assertThat(v4.scope()).isEqualTo(AddressScope.GLOBAL);
        assertThat(v4.preferredLifetime()).isEqualTo(VipAddress.FOREVER);
    }

    @Test
    void keepsOptionsSetThroughWithers() throws Exception {
        VipAddress vip = VipAddress.of(3, InetAddress.getByName("10.0.0.1"), 24)
                .withBroadcast(InetAddress.getByName("10.0.0.255")).withLabel("eth0:1")
                .withScope(AddressScope.LINK).withFlags(Set.of(VipFlag.NO_PREFIX_ROUTE)).withPreferredLifetime(0);

        assertThat(vip.broadcast()).isEqualTo(InetAddress.getByName("10.0.0.255"));
        assertThat(vip.label()).isEqualTo("eth0:1");
        assertThat(vip.scope()).isEqualTo(AddressScope.LINK);
        assertThat(vip.flagBits()).isEqualTo(0x200);
        assertThat(vip.preferredLifetime()).isZero();
        assertThat(vip).hasToString("10.0.0.1/24 dev #3");
    }

    @Test
    void rejectsOptionsTheKernelWouldNot() throws Exception {
        InetAddress v6 = InetAddress.getByName("fd00::1");
        InetAddress v4 = InetAddress.getByName("10.0.0.1");

        assertThatThrownBy(() -> VipAddress.of(3, v6, 129)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VipAddress.of(3, v4, 33)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VipAddress.of(0, v4, 24)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VipAddress.of(3, v6, 64).withLabel("eth0:1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VipAddress.of(3, v6, 64).withBroadcast(v4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VipAddress.of(3, v4, 24).withLabel("a-label-of-16chr"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VipAddress.of(3, v4, 24).withPeer(v6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesScopesByNameAndNumber() {
        assertThat(AddressScope.parse("link")).isEqualTo(AddressScope.LINK);
        assertThat(AddressScope.parse("host").value()).isEqualTo(254);
        assertThat(AddressScope.parse("100")).hasToString("100");
        assertThat(AddressScope.GLOBAL).hasToString("global");
        assertThatThrownBy(() -> AddressScope.parse("galaxy")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressScope.parse("256")).isInstanceOf(IllegalArgumentException.class);
    }
}
