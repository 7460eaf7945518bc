package org.keepalived4j.vrrp.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class VrrpAddressTest {

    @Test
    void parsesLiteralsOnly() {
        assertThat(VrrpAddress.parse("10.1.2.3").toBytes()).containsExactly(10, 1, 2, 3);
        assertThat(VrrpAddress.parse("ff02::12").family()).isEqualTo(IpFamily.IPV6);
        assertThatThrownBy(() -> VrrpAddress.parse("localhost")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VrrpAddress.parse("10.1.2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VrrpAddress.parse("10.1.2.300")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VrrpAddress.of(new byte[5])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsRfc5952Text() {
        assertThat(VrrpAddress.parse("FF02:0:0:0:0:0:0:12")).hasToString("ff02::12");
        assertThat(VrrpAddress.parse("2001:db8:0:0:1:0:0:1")).hasToString("2001:db8::1:0:0:1");
        assertThat(VrrpAddress.parse("2001:db8:0:1:1:1:1:1")).hasToString("2001:db8:0:1:1:1:1:1");
        assertThat(VrrpAddress.parse("::")).hasToString("::");
        assertThat(VrrpAddress.parse("::1")).hasToString("::1");
        assertThat(VrrpAddress.parse("fe80::")).hasToString("fe80::");
        assertThat(VrrpAddress.parse("192.0.2.255")).hasToString("192.0.2.255");
    }

    @Test
    void tellsMulticastAddresses() {
        assertThat(VrrpAddress.parse("224.0.0.18").isMulticast()).isTrue();
        assertThat(VrrpAddress.parse("239.255.255.255").isMulticast()).isTrue();
        assertThat(VrrpAddress.parse("240.0.0.1").isMulticast()).isFalse();
        assertThat(VrrpAddress.parse("ff02::12").isMulticast()).isTrue();
        assertThat(VrrpAddress.parse("fe80::1").isMulticast()).isFalse();
    }

    @Test
    void comparesByValueAndAgainstBufferBytes() throws Exception {
        VrrpAddress address = VrrpAddress.of(InetAddress.getByName("192.0.2.9"));
        assertThat(address).isEqualTo(VrrpAddress.parse("192.0.2.9")).hasSameHashCodeAs(VrrpAddress.parse("192.0.2.9"));
        assertThat(address.toInetAddress()).isEqualTo(InetAddress.getByName("192.0.2.9"));
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {0, (byte) 192, 0, 2, 9});
        assertThat(address.matches(buffer, 1)).isTrue();
        assertThat(address.matches(buffer, 0)).isFalse();
        assertThat(address.byteAt(0)).isEqualTo(192);
    }
}
