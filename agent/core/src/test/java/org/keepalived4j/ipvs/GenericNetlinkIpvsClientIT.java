package org.keepalived4j.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.keepalived4j.linux.Errno;
import org.keepalived4j.linux.GenericNetlink;
import org.keepalived4j.linux.Netlink;
import org.keepalived4j.linux.NetlinkChannel;
import org.keepalived4j.linux.NetlinkException;

/**
 * Detection against this machine's real kernel. The truth it is checked against is the
 * controller's own answer for the "IPVS" family, asked independently after the client was
 * created. On the lab kernel (no IPVS, no /proc/net/ip_vs) the client must come up
 * monitor-only, without throwing, and refuse every call.
 */
class GenericNetlinkIpvsClientIT {

    @Test
    void detectsWhetherThisKernelHasIpvs() throws Exception {
        assertThat(System.getProperty("user.name")).as("this test runs as root").isEqualTo("root");
        try (GenericNetlinkIpvsClient client = GenericNetlinkIpvsClient.open()) {
            boolean registered = ipvsFamilyRegistered();
            assertThat(client.available()).as("available() matches the controller's answer").isEqualTo(registered);
            if (!registered) {
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

    private static boolean ipvsFamilyRegistered() throws Exception {
        try (NetlinkChannel channel = NetlinkChannel.open(Netlink.NETLINK_GENERIC, Duration.ofSeconds(2))) {
            GenericNetlink.familyId(channel, "IPVS");
            return true;
        } catch (NetlinkException e) {
            if (e.errno() == Errno.ENOENT) {
                return false;
            }
            throw e;
        }
    }
}
