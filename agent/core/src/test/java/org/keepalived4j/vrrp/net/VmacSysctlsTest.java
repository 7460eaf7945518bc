package org.keepalived4j.vrrp.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.linux.Sysctl;

class VmacSysctlsTest {

    @TempDir
    Path root;
    private Sysctl sysctl;
    private VmacSysctls sysctls;

    @BeforeEach
    void createParameters() throws IOException {
        for (String name : new String[] {"arp_ignore", "arp_filter"}) {
            Files.createDirectories(root.resolve("net/ipv4/conf/eth0"));
            Files.writeString(root.resolve("net/ipv4/conf/eth0/" + name), "0\n");
        }
        for (String name : new String[] {"arp_ignore", "accept_local", "rp_filter", "promote_secondaries"}) {
            Files.createDirectories(root.resolve("net/ipv4/conf/vrrp.1"));
            Files.writeString(root.resolve("net/ipv4/conf/vrrp.1/" + name), "0\n");
        }
        Files.createDirectories(root.resolve("net/ipv6/conf/vrrp.1"));
        Files.writeString(root.resolve("net/ipv6/conf/vrrp.1/disable_ipv6"), "0\n");
        sysctl = new Sysctl(root);
        sysctls = new VmacSysctls(sysctl);
    }

    @Test
    void setsKeepalivedsParametersOnTheVmac() throws IOException {
        Files.writeString(root.resolve("net/ipv4/conf/vrrp.1/rp_filter"), "1\n");

        sysctls.configureVmac("vrrp.1");

        assertThat(sysctl.read("net/ipv4/conf/vrrp.1/arp_ignore")).isEqualTo(1);
        assertThat(sysctl.read("net/ipv4/conf/vrrp.1/accept_local")).isEqualTo(1);
        assertThat(sysctl.read("net/ipv4/conf/vrrp.1/rp_filter")).isZero();
        assertThat(sysctl.read("net/ipv4/conf/vrrp.1/promote_secondaries")).isEqualTo(1);
        assertThat(sysctl.read("net/ipv6/conf/vrrp.1/disable_ipv6")).isEqualTo(1);
    }

    @Test
    void keepsTheBaseSettingsUntilTheLastVmacIsReleased() throws IOException {
        Files.writeString(root.resolve("net/ipv4/conf/eth0/arp_ignore"), "2\n");

        sysctls.acquire(4, "eth0");
        sysctls.acquire(4, "eth0");
        sysctls.release(4);

        assertThat(sysctl.read("net/ipv4/conf/eth0/arp_ignore")).isEqualTo(1);
        assertThat(sysctl.read("net/ipv4/conf/eth0/arp_filter")).isEqualTo(1);

        sysctls.release(4);

        assertThat(sysctl.read("net/ipv4/conf/eth0/arp_ignore")).isEqualTo(2);
        assertThat(sysctl.read("net/ipv4/conf/eth0/arp_filter")).isZero();
    }

    @Test
    void ignoresAReleaseWithoutAcquire() throws IOException {
        sysctls.release(9);

        assertThat(sysctl.read("net/ipv4/conf/eth0/arp_ignore")).isZero();
    }
}
