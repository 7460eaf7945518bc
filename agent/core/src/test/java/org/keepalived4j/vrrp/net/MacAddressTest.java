package org.keepalived4j.vrrp.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MacAddressTest {

    @Test
    void derivesTheVirtualRouterMacFromTheVrid() {
        assertThat(MacAddress.virtualRouter(51, false)).hasToString("00:00:5e:00:01:33");
        assertThat(MacAddress.virtualRouter(255, true)).hasToString("00:00:5e:00:02:ff");
    }

    @Test
    void rejectsAVridOutOfRange() {
        assertThatThrownBy(() -> MacAddress.virtualRouter(0, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MacAddress.virtualRouter(256, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesAndComparesByValue() {
        MacAddress parsed = MacAddress.parse("46:A3:50:00:7D:5D");

        assertThat(parsed).isEqualTo(MacAddress.of(new byte[] {0x46, (byte) 0xa3, 0x50, 0, 0x7d, 0x5d}));
        assertThat(parsed).hasSameHashCodeAs(MacAddress.parse("46:a3:50:00:7d:5d"));
        assertThat(parsed).hasToString("46:a3:50:00:7d:5d");
    }

    @Test
    void isImmutable() {
        byte[] raw = {2, 0, 0, 0, 0, 1};
        MacAddress mac = MacAddress.of(raw);
        raw[5] = 9;
        mac.bytes()[5] = 9;

        assertThat(mac).hasToString("02:00:00:00:00:01");
    }

    @Test
    void rejectsMalformedInput() {
        assertThatThrownBy(() -> MacAddress.parse("46:a3:50:00:7d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MacAddress.of(new byte[5])).isInstanceOf(IllegalArgumentException.class);
    }
}
