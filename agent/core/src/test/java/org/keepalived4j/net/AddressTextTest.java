package org.keepalived4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressTextTest {

    private static java.net.InetAddress address(String literal) {
        try {
            return java.net.InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    @Test
    void writesIpv6InRfc5952Form() {
        assertThat(AddressText.of(address("2001:db8:0:0:0:0:0:20"))).isEqualTo("2001:db8::20");
        assertThat(AddressText.of(address("::1"))).isEqualTo("::1");
        assertThat(AddressText.of(address("fe80::"))).isEqualTo("fe80::");
        assertThat(AddressText.of(address("::"))).isEqualTo("::");
        assertThat(AddressText.of(address("2001:db8:0:1:0:0:0:1"))).isEqualTo("2001:db8:0:1::1");
        assertThat(AddressText.of(address("2001:0:0:1:0:0:0:1"))).isEqualTo("2001:0:0:1::1");
        assertThat(AddressText.of(address("2001:db8:0:1:1:1:1:1"))).isEqualTo("2001:db8:0:1:1:1:1:1");
    }

    @Test
    void writesIpv4Dotted() {
        assertThat(AddressText.of(address("10.0.0.2"))).isEqualTo("10.0.0.2");
    }

    @Test
    void withPortBracketsIpv6Only() {
        assertThat(AddressText.withPort(address("10.0.0.1"), 80)).isEqualTo("10.0.0.1:80");
        assertThat(AddressText.withPort(address("fd00:0:0:0:0:0:0:1"), 443)).isEqualTo("[fd00::1]:443");
    }
}
