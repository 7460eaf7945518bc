package org.keepalived4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysctlTest {

    @TempDir
    Path root;

    @Test
    void readsAndWritesIntegerParameters() throws IOException {
        Path file = root.resolve("net/ipv4/conf/vrrp.51/arp_ignore");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "0\n");
        Sysctl sysctl = new Sysctl(root);

        sysctl.write("net/ipv4/conf/vrrp.51/arp_ignore", 1);

        assertThat(sysctl.read("net/ipv4/conf/vrrp.51/arp_ignore")).isEqualTo(1);
        assertThat(Files.readString(file)).isEqualTo("1");
    }

    @Test
    void reportsMissingParameters() throws IOException {
        Sysctl sysctl = new Sysctl(root);

        assertThat(sysctl.exists("net/ipv6/conf/eth9/forwarding")).isFalse();
        assertThat(sysctl.readOr("net/ipv6/conf/eth9/forwarding", -1)).isEqualTo(-1);
    }

    @Test
    void rejectsNamesLeavingTheRoot() {
        Sysctl sysctl = new Sysctl(root);

        assertThatThrownBy(() -> sysctl.read("net/../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sysctl.read("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheRealKernelParameters() throws IOException {
        Sysctl sysctl = new Sysctl(Path.of("/proc/sys"));

        assertThat(sysctl.read("net/ipv4/conf/lo/arp_ignore")).isBetween(0, 8);
        // several digits: a parameter that answers only a read from offset 0
        assertThat(sysctl.read("net/core/rmem_default")).isEqualTo(Integer.parseInt(
                Files.readAllLines(Path.of("/proc/sys/net/core/rmem_default")).get(0).trim())).isGreaterThan(9);
    }
}
