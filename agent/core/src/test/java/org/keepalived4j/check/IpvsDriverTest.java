package org.keepalived4j.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keepalived4j.config.LvsParsing;
import org.keepalived4j.config.VirtualServerConfig;
import org.keepalived4j.ipvs.IpvsService;

class IpvsDriverTest {

    @Test
    void expandsAGroupIntoOneServicePerAddressAndFwmark() {
        VirtualServerConfig vs = LvsParsing.parse("virtual_server_group G {\n 10.1.1.254-10.1.2.1 8080\n fwmark 5 inet6\n}\n"
                + "virtual_server group G {\n lb_algo sh\n sh-port\n lb_kind DR\n protocol TCP\n persistence_timeout 30\n"
                + " real_server 127.0.0.2 8080 {\n }\n}\n").lvs().virtualServers().get(0);
        var keys = IpvsDriver.keys(vs);
        assertThat(keys).extracting(k -> k.fwmark() != 0 ? "fwm" + k.fwmark() + (k.ipv6() ? "/6" : "/4")
                : k.address().getHostAddress() + ":" + k.port() + "/" + k.protocol())
                .containsExactly("10.1.1.254:8080/6", "10.1.1.255:8080/6", "10.1.2.0:8080/6", "10.1.2.1:8080/6",
                        "fwm5/6");
        IpvsService service = IpvsDriver.service(vs, keys.get(0));
        assertThat(service.scheduler()).isEqualTo("sh");
        assertThat(service.flags()).isEqualTo(IpvsDriver.F_PERSISTENT | 0x0010);
        assertThat(service.persistenceTimeoutSeconds()).isEqualTo(30);
        assertThat(service.persistenceNetmask()).isEqualTo(0xFFFFFFFF);
    }

    @Test
    void directRoutingDestinationsUseTheServicePort() {
        VirtualServerConfig vs = LvsParsing.parse("virtual_server 10.0.0.1 80 {\n lb_algo rr\n lb_kind DR\n"
                + " protocol TCP\n real_server 127.0.0.2 80 {\n uthreshold 100\n }\n}\n").lvs().virtualServers().get(0);
        var rs = vs.realServers().get(0);
        var dest = new IpvsDriver.Dest(rs.address(), rs.port(), rs.forwarding(), 7, rs.upperThreshold(),
                rs.lowerThreshold()).toIpvs(IpvsDriver.keys(vs).get(0));
        assertThat(dest.port()).isEqualTo(80);
        assertThat(dest.forwardingMethod()).isEqualTo(3);
        assertThat(dest.weight()).isEqualTo(7);
        assertThat(dest.upperThreshold()).isEqualTo(100);
    }
}
