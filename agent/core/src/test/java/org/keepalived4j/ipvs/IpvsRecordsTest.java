package org.keepalived4j.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keepalived4j.ipvs.IpvsMessageCodecTest.address;

import org.junit.jupiter.api.Test;

class IpvsRecordsTest {

    private static final IpvsServiceKey WEB = IpvsServiceKey.of(IpvsServiceKey.TCP, address("192.168.1.10"), 80);

    @Test
    void aFwmarkKeyIsIdentifiedByFamilyAndMarkOnly() {
        assertThat(new IpvsServiceKey(false, IpvsServiceKey.TCP, null, 80, 7)).isEqualTo(IpvsServiceKey.fwmark(false, 7));
        assertThat(IpvsServiceKey.fwmark(true, 7)).isNotEqualTo(IpvsServiceKey.fwmark(false, 7));
    }

    @Test
    void anAddressKeyMustMatchItsFamilyAndNameAProtocol() {
        assertThatThrownBy(() -> new IpvsServiceKey(true, IpvsServiceKey.TCP, address("10.0.0.1"), 80, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("family inet6");
        assertThatThrownBy(() -> new IpvsServiceKey(false, 0, address("10.0.0.1"), 80, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("protocol");
    }

    @Test
    void labelsReadLikeIpvsadm() {
        assertThat(WEB.label()).isEqualTo("TCP 192.168.1.10:80");
        assertThat(IpvsServiceKey.of(IpvsServiceKey.SCTP, address("2001:db8::1"), 3868).label())
                .isEqualTo("SCTP [2001:db8::1]:3868");
        assertThat(IpvsServiceKey.fwmark(true, 7).label()).isEqualTo("FWM 7 (inet6)");
    }

    @Test
    void aServiceIsNormalisedToWhatTheKernelReportsBack() {
        IpvsService persistent = new IpvsService(WEB, "rr", IpvsService.HASHED, 300, 0);
        assertThat(persistent.flags()).isEqualTo(IpvsService.PERSISTENT);
        assertThat(persistent.persistenceNetmask()).isEqualTo(IpvsService.DEFAULT_IPV4_NETMASK);
        IpvsService ipv6 = new IpvsService(IpvsServiceKey.fwmark(true, 1), "wlc", 0, 0, 0, "");
        assertThat(ipv6.persistenceNetmask()).isEqualTo(IpvsService.DEFAULT_IPV6_PREFIX);
        assertThat(ipv6.persistenceEngine()).isNull();
    }

    @Test
    void rejectsWhatTheKernelWouldRefuse() {
        assertThatThrownBy(() -> new IpvsService(WEB, "a-scheduler-name", 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..15");
        assertThatThrownBy(() -> new IpvsService(IpvsServiceKey.fwmark(true, 1), "rr", 0, 60, 129))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..128");
    }

    @Test
    void tunnelOptionsExistOnlyWhereTheKernelUsesThem() {
        IpvsDestination nat = new IpvsDestination(address("10.0.0.2"), 80, IpvsDestination.MASQUERADE, 1, 0, 0,
                IpvsDestination.TUNNEL_GUE, 6080, 1);
        assertThat(nat).isEqualTo(new IpvsDestination(address("10.0.0.2"), 80, IpvsDestination.MASQUERADE, 1, 0, 0));
        IpvsDestination gre = new IpvsDestination(address("10.0.0.2"), 80, IpvsDestination.TUNNEL, 1, 0, 0,
                IpvsDestination.TUNNEL_GRE, 6080, 1);
        assertThat(gre.tunnelPort()).isZero();
        assertThat(gre.tunnelFlags()).isEqualTo(1);
        IpvsDestination ipip = new IpvsDestination(address("10.0.0.2"), 80, IpvsDestination.TUNNEL, 1, 0, 0,
                IpvsDestination.TUNNEL_IPIP, 0, 1);
        assertThat(ipip.tunnelFlags()).isZero();
    }

    @Test
    void aDestinationKnowsItsOwnFamily() {
        assertThat(new IpvsDestination(address("2001:db8::2"), 80, IpvsDestination.TUNNEL, 1, 0, 0).ipv6()).isTrue();
        assertThat(new IpvsDestination(address("10.0.0.2"), 80, IpvsDestination.TUNNEL, 1, 0, 0).ipv6()).isFalse();
    }
}
