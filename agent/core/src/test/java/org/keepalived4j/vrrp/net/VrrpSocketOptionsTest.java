package org.keepalived4j.vrrp.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class VrrpSocketOptionsTest {

    @Test
    void usesTheVrrpGroupOfEachFamily() throws Exception {
        VrrpSocketOptions v4 = VrrpSocketOptions.multicast(false, "eth0", 2, null);
        VrrpSocketOptions v6 = VrrpSocketOptions.multicast(true, "eth0", 2, null);

        assertThat(v4.multicastGroup()).isEqualTo(InetAddress.getByName("224.0.0.18"));
        assertThat(v6.multicastGroup()).isEqualTo(InetAddress.getByName("ff02::12"));
        assertThat(v4.isMulticast()).isTrue();
        assertThat(v4.unicastHops()).isEqualTo(255);
    }

    @Test
    void describesUnicastWithoutAGroup() throws Exception {
        VrrpSocketOptions unicast = VrrpSocketOptions.unicast(false, "eth0", 2, InetAddress.getByName("10.0.0.2"))
                .withUnicastHops(64);

        assertThat(unicast.isMulticast()).isFalse();
        assertThat(unicast.unicastHops()).isEqualTo(64);
        assertThat(unicast.sourceAddress()).isEqualTo(InetAddress.getByName("10.0.0.2"));
    }

    @Test
    void usesProtocol112UnlessAskedForTheAuthenticationHeader() {
        VrrpSocketOptions v4 = VrrpSocketOptions.multicast(false, "eth0", 2, null);

        assertThat(v4.ipProtocol()).isEqualTo(112);
        assertThat(v4.withAuthenticationHeader().ipProtocol()).isEqualTo(51);
        assertThatThrownBy(() -> VrrpSocketOptions.multicast(true, "eth0", 2, null).withAuthenticationHeader())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAddressesOfTheOtherFamilyAndNonMulticastGroups() throws Exception {
        InetAddress v6 = InetAddress.getByName("fe80::1");
        InetAddress unicastV4 = InetAddress.getByName("10.0.0.1");
        VrrpSocketOptions v4 = VrrpSocketOptions.multicast(false, "eth0", 2, null);

        assertThatThrownBy(() -> VrrpSocketOptions.multicast(false, "eth0", 2, v6))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> v4.withMulticastGroup(unicastV4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> v4.withUnicastHops(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(VrrpSocketOptions.unicast(true, "eth0", 2, v6).withUnicastHops(0).unicastHops()).isZero();
        assertThatThrownBy(() -> VrrpSocketOptions.multicast(false, "eth0", 0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
