package org.keepalived4j.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keepalived4j.config.LvsParsing;
import org.keepalived4j.config.VirtualServerConfig;
import org.keepalived4j.ipvs.IpvsDestination;
import org.keepalived4j.ipvs.IpvsService;

class IpvsMappingTest {

    @Test
    void expandsAGroupIntoOneServicePerAddressAndFwmark() {
        VirtualServerConfig vs = LvsParsing.parse("virtual_server_group G {\n 10.1.1.254-10.1.2.1 8080\n fwmark 5 inet6\n}\n"
                + "virtual_server group G {\n lb_algo sh\n sh-port\n lb_kind DR\n protocol TCP\n persistence_timeout 30\n"
                + " real_server 127.0.0.2 8080 {\n }\n}\n").lvs().virtualServers().get(0);
        var keys = IpvsMapping.keys(vs);
        assertThat(keys).extracting(k -> k.fwmark() != 0 ? "fwm" + k.fwmark() + (k.ipv6() ? "/6" : "/4")
                : k.address().getHostAddress() + ":" + k.port() + "/" + k.protocol())
                .containsExactly("10.1.1.254:8080/6", "10.1.1.255:8080/6", "10.1.2.0:8080/6", "10.1.2.1:8080/6",
                        "fwm5/6");
        IpvsService service = IpvsMapping.service(vs, keys.get(0));
        assertThat(service.scheduler()).isEqualTo("sh");
        assertThat(service.flags()).isEqualTo(IpvsService.PERSISTENT | IpvsService.SCHED_FLAG_2);
        assertThat(service.persistenceTimeoutSeconds()).isEqualTo(30);
        assertThat(service.persistenceNetmask()).isEqualTo(0xFFFFFFFF);
    }

    @Test
    void directRoutingDestinationsUseTheServicePort() {
        IpvsDestination dest = firstRealServer("lb_kind DR\n", "uthreshold 100\n", 7);
        assertThat(dest.port()).isEqualTo(80);
        assertThat(dest.forwardingMethod()).isEqualTo(IpvsDestination.DIRECT_ROUTE);
        assertThat(dest.weight()).isEqualTo(7);
        assertThat(dest.upperThreshold()).isEqualTo(100);
    }

    @Test
    void tunnelDestinationsCarryTheirTunnelTypePortAndChecksum() {
        IpvsDestination dest = firstRealServer("lvs_method TUN type gue port 6080 csum\n", "", 1);
        assertThat(dest.forwardingMethod()).isEqualTo(IpvsDestination.TUNNEL);
        assertThat(dest.tunnelType()).isEqualTo(IpvsDestination.TUNNEL_GUE);
        assertThat(dest.tunnelPort()).isEqualTo(6080);
        assertThat(dest.tunnelFlags()).isEqualTo(1);
    }

    @Test
    void aPersistenceEngineReachesTheService() {
        VirtualServerConfig vs = LvsParsing.parse("virtual_server 10.0.0.1 5060 {\n lb_algo rr\n protocol UDP\n"
                + " persistence_engine sip\n persistence_timeout 30\n real_server 127.0.0.2 5060 {\n }\n}\n")
                .lvs().virtualServers().get(0);
        assertThat(IpvsMapping.service(vs, IpvsMapping.keys(vs).get(0)).persistenceEngine()).isEqualTo("sip");
    }

    // the first real server of virtual server 10.0.0.1:80 (real servers on port 8080) as programmed with this weight
    private static IpvsDestination firstRealServer(String virtualServerLines, String realServerLines, int weight) {
        VirtualServerConfig vs = LvsParsing.parse("virtual_server 10.0.0.1 80 {\n lb_algo rr\n protocol TCP\n"
                + virtualServerLines + " real_server 127.0.0.2 8080 {\n" + realServerLines + " }\n}\n")
                .lvs().virtualServers().get(0);
        var rs = vs.realServers().get(0);
        return IpvsMapping.destination(IpvsMapping.keys(vs).get(0), rs.address(), rs.port(), rs.forwarding(), weight,
                rs.upperThreshold(), rs.lowerThreshold());
    }
}
