package org.keepalived4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSystemProbeTest {

    @TempDir
    Path dir;

    private LocalSystemProbe probe() throws IOException {
        Path net = Files.createDirectories(dir.resolve("net"));
        Files.createDirectories(net.resolve("eth0"));
        Files.createDirectories(net.resolve("lo"));
        Files.writeString(net.resolve("lo").resolve("type"), "772\n");
        Files.writeString(net.resolve("eth0").resolve("type"), "1\n");
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0::/root:/bin/sh\ntoor:x:0:0::/:/bin/sh\n"
                + "bob:x:1000:1000::/home/bob:/bin/sh\n");
        Path group = Files.writeString(dir.resolve("group"), "root:x:0:\nstaff:x:50:\n");
        return new LocalSystemProbe(net, passwd, group, "/usr/bin:/bin");
    }

    @Test
    void findsInterfacesAndLoopbacks() throws IOException {
        LocalSystemProbe p = probe();
        assertThat(p.interfaceExists("eth0")).isTrue();
        assertThat(p.interfaceExists("eth1")).isFalse();
        assertThat(p.interfaceExists("../net")).isFalse();
        assertThat(p.isLoopback("lo")).isTrue();
        assertThat(p.isLoopback("eth0")).isFalse();
    }

    @Test
    void readsUsersGroupsAndRoot() throws IOException {
        LocalSystemProbe p = probe();
        assertThat(p.userExists("bob")).isTrue();
        assertThat(p.userExists("alice")).isFalse();
        assertThat(p.isRootUser("toor")).isTrue();
        assertThat(p.isRootUser("bob")).isFalse();
        assertThat(p.groupExists("staff")).isTrue();
    }

    @Test
    void looksScriptsUpOnThePath() throws IOException {
        LocalSystemProbe p = probe();
        assertThat(p.scriptProblem("sh")).isEmpty();
        assertThat(p.scriptProblem("/no/such/script")).isPresent();
        assertThat(p.scriptProblem("no-such-program-anywhere")).isPresent();
    }

    @Test
    void systemBinariesAreSafeButWorldWritablePlacesAreNot() throws IOException {
        LocalSystemProbe p = probe();
        assertThat(p.scriptSecurityProblem("/bin/sh")).isEmpty();
        Path script = Files.writeString(dir.resolve("chk.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(p.scriptSecurityProblem(script.toString())).isPresent();
    }

    @Test
    void resolvesAProgramAsKeepalivedRunsIt() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("usr/bin"));
        Path dash = Files.writeString(bin.resolve("dash"), "#!/bin/true\n");
        Files.setPosixFilePermissions(dash, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(bin.resolve("sh"), dash);
        Path other = Files.writeString(bin.resolve("other"), "#!/bin/true\n");
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(dir.resolve("bin"), bin);
        Path links = Files.createDirectories(dir.resolve("links"));
        Files.createSymbolicLink(links.resolve("renamed"), other);
        LocalSystemProbe p = new LocalSystemProbe(dir, dir.resolve("passwd"), dir.resolve("group"), bin.toString());
        Path real = bin.toRealPath();

        // through a linked directory, '..' and a doubled '/' to the real path
        assertThat(p.programPath(dir + "/bin/other")).isEqualTo(real.resolve("other").toString());
        assertThat(p.programPath(dir + "/usr/../bin//other")).isEqualTo(real.resolve("other").toString());
        // a bare name is searched on the PATH
        assertThat(p.programPath("other")).isEqualTo(real.resolve("other").toString());
        // the name it was called by is kept where it names the same file in the real directory
        assertThat(p.programPath(dir + "/bin/sh")).isEqualTo(real.resolve("sh").toString());
        // and where it does not, the real file
        assertThat(p.programPath(links + "/renamed")).isEqualTo(real.resolve("other").toString());
        assertThat(p.programPath("/no/such/program")).isEqualTo("/no/such/program");
    }
}
