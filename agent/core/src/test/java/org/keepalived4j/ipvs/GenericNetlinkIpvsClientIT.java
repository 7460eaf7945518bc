package org.keepalived4j.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Detection against this machine's real kernel. The truth it is checked against is the
 * controller's own list of generic-netlink families, read independently after the client was
 * created. On the lab kernel (no IPVS, no /proc/net/ip_vs) the client must come up
 * monitor-only, without throwing, and refuse every call.
 */
class GenericNetlinkIpvsClientIT {

    @Test
    void detectsWhetherThisKernelHasIpvs() throws Exception {
        assertThat(System.getProperty("user.name")).as("this test runs as root").isEqualTo("root");
        try (GenericNetlinkIpvsClient client = GenericNetlinkIpvsClient.open()) {
            boolean listed = familiesOfThisKernel().contains("IPVS");
            assertThat(client.available()).as("available() matches the controller's family list").isEqualTo(listed);
            if (!listed) {
                assertThat(client.unavailableReason()).get().asString()
                        .contains("\"IPVS\" not registered", "ENOENT",
                                Files.exists(Path.of("/proc/net/ip_vs")) ? "ip_vs present" : "ip_vs absent");
                IpvsServiceKey key = IpvsServiceKey.of(IpvsServiceKey.TCP, InetAddress.getByName("192.0.2.1"), 80);
                assertThatThrownBy(() -> client.addService(new IpvsService(key, "rr", 0, 0, 0)))
                        .isInstanceOf(IpvsException.class).hasMessageContaining("not available");
                assertThatThrownBy(client::services).isInstanceOf(IpvsException.class);
            } else {
                assertThat(client.info()).isPresent();
                assertThat(client.services()).isNotNull();
            }
        }
    }

    @Test
    void thisLabKernelHasNoIpvs() {
        assertThat(Path.of("/proc/net/ip_vs")).doesNotExist();
        try (GenericNetlinkIpvsClient client = GenericNetlinkIpvsClient.open()) {
            assertThat(client.available()).isFalse();
        }
    }

    private static List<String> familiesOfThisKernel() throws Exception {
        try (SocketNetlinkTransport transport = SocketNetlinkTransport.open(Duration.ofSeconds(2))) {
            byte[] dump = new GenlMessageWriter(transport.hostOrder(), IpvsUapi.GENL_ID_CTRL,
                    IpvsUapi.NLM_F_REQUEST | IpvsUapi.NLM_F_DUMP, 1, IpvsUapi.CTRL_CMD_GETFAMILY, 1).finish();
            GenlReply reply = transport.exchange(dump);
            assertThat(reply.ok()).isTrue();
            List<String> names = new ArrayList<>();
            for (GenlMessage message : reply.messages()) {
                names.add(message.attributes(transport.hostOrder()).string(IpvsUapi.CTRL_ATTR_FAMILY_NAME));
            }
            return names;
        }
    }
}
