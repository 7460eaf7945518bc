package org.keepalived4j.exporter.snmp.global;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OctetString;

class InetAddressValueTest {

    @Test
    void encodesAnIpv4AddressAsTypeOneAndFourBytes() {
        InetAddressValue v = InetAddressValue.of("192.0.2.25");

        assertThat(v.type()).isEqualTo(new Integer32(1));
        assertThat(v.address()).isEqualTo(OctetString.fromHexStringPairs("c0000219"));
    }

    @Test
    void encodesAnIpv6AddressBracketedOrNotAsTypeTwoAndSixteenBytes() {
        OctetString bytes = OctetString.fromHexStringPairs("fd000000000000000000000000000025");

        assertThat(InetAddressValue.of("fd00::25").address()).isEqualTo(bytes);
        assertThat(InetAddressValue.of("[fd00::25]").address()).isEqualTo(bytes);
        assertThat(InetAddressValue.of("fd00::25").type()).isEqualTo(new Integer32(2));
    }

    @Test
    void anythingButAnAddressIsKeepalivedsEmptyAddressAndIsNeverLookedUp() {
        assertThat(InetAddressValue.of(null)).isEqualTo(InetAddressValue.UNSET);
        assertThat(InetAddressValue.of("localhost")).isEqualTo(InetAddressValue.UNSET);
        assertThat(InetAddressValue.of("256.1.1.1")).isEqualTo(InetAddressValue.UNSET);
        assertThat(InetAddressValue.of("not:an:address")).isEqualTo(InetAddressValue.UNSET);
        assertThat(InetAddressValue.UNSET.type()).isEqualTo(new Integer32(2));
        assertThat(InetAddressValue.UNSET.address()).isEqualTo(new OctetString(new byte[4]));
    }
}
