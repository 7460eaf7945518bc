package org.keepalived4j.exporter.snmp.agentx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import org.junit.jupiter.api.Test;
import org.keepalived4j.exporter.snmp.agentx.AgentxAddress.Transport;

/**
 * The forms keepalived 2.2.7's {@code snmp_socket} was seen to connect with (snmpd 5.9.3 as
 * master): {@code unix:/path}, {@code /path}, {@code tcp:host}, {@code TCP:host:port},
 * {@code host:port}, {@code host}; and {@code udp:host:port}, its default in a net_namespace.
 */
class AgentxAddressTest {

    @Test
    void keepalivedsDefaultIsAUnixSocket() {
        assertThat(AgentxAddress.parse(AgentxAddress.DEFAULT))
                .isEqualTo(new AgentxAddress(Transport.UNIX, "/var/agentx/master", null, 0));
    }

    @Test
    void aBarePathIsAUnixSocket() {
        assertThat(AgentxAddress.parse("/tmp/x/agentx.sock").toString()).isEqualTo("unix:/tmp/x/agentx.sock");
        assertThat(AgentxAddress.parse("/tmp/a:b").path()).isEqualTo("/tmp/a:b");
    }

    @Test
    void tcpTakesPort705WhenNoneIsGiven() {
        assertThat(AgentxAddress.parse("tcp:127.0.0.1")).isEqualTo(new AgentxAddress(Transport.TCP, null, "127.0.0.1", 705));
        assertThat(AgentxAddress.parse("TCP:localhost:7705").toString()).isEqualTo("tcp:localhost:7705");
        assertThat(AgentxAddress.parse("tcp:7705").toString()).isEqualTo("tcp:localhost:7705");
    }

    @Test
    void withoutATransportAHostIsTcp() {
        assertThat(AgentxAddress.parse("127.0.0.1:705").toString()).isEqualTo("tcp:127.0.0.1:705");
        assertThat(AgentxAddress.parse("localhost").toString()).isEqualTo("tcp:localhost:705");
    }

    @Test
    void udpAndIpv6() {
        assertThat(AgentxAddress.parse("udp:localhost:705").transport()).isEqualTo(Transport.UDP);
        assertThat(AgentxAddress.parse("udp6:[::1]:7705")).isEqualTo(new AgentxAddress(Transport.UDP, null, "::1", 7705));
        assertThat(AgentxAddress.parse("tcp6:[::1]").toString()).isEqualTo("tcp:[::1]:705");
    }

    @Test
    void socketAddressesAreUnixOrInet() throws Exception {
        assertThat(AgentxAddress.parse("unix:/var/agentx/master").socketAddress())
                .isEqualTo(UnixDomainSocketAddress.of("/var/agentx/master"));
        assertThat(AgentxAddress.parse("tcp:127.0.0.1:705").socketAddress())
                .isEqualTo(new InetSocketAddress("127.0.0.1", 705));
    }

    @Test
    void malformedAddressesSayWhatIsWrong() {
        assertThatThrownBy(() -> AgentxAddress.parse("unix:")).hasMessageContaining("no socket path");
        assertThatThrownBy(() -> AgentxAddress.parse("tcp:host:70000")).hasMessageContaining("bad port '70000'");
        assertThatThrownBy(() -> AgentxAddress.parse("tcp:[::1")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> AgentxAddress.parse("tcp::705")).hasMessageContaining("no host");
    }
}
