package org.keepalived4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive {@code ./mvnw package} makes, unpacked where no checkout is: it holds the
 * launcher, every jar, conf/, mibs/, grafana/, README and LICENSE, and its launcher runs the
 * daemon from those jars and never builds (without them it says so and stops).
 */
class ReleaseArchiveIT {

    @TempDir
    Path dir;

    @Test
    void theArchiveRunsOnItsOwnAndNeverBuilds() throws Exception {
        Path archive = Path.of(System.getProperty("keepalived4j.archive"));
        assertThat(archive).as("the release archive").isRegularFile();
        Lab.run("tar", "-xzf", archive.toString(), "-C", dir.toString());
        Path home;
        try (Stream<Path> top = Files.list(dir)) {
            home = top.findFirst().orElseThrow();
        }
        assertThat(home.getFileName().toString()).startsWith("keepalived4j-");
        Path launcher = home.resolve("bin/keepalived4j");
        assertThat(Files.getPosixFilePermissions(launcher)).contains(PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE);
        for (String part : List.of("README.md", "LICENSE", "conf/logback.xml", "conf/keepalived4j.service",
                "conf/keepalived4j.conf.example", "mibs/README.md", "mibs/snmptrapd.conf",
                "grafana/dashboards/keepalived4j.json", "grafana/alerts/keepalived4j.rules.yml")) {
            assertThat(home.resolve(part)).as(part).isRegularFile();
        }
        try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
            assertThat(jars.map(p -> p.getFileName().toString()).toList())
                    .anyMatch(n -> n.startsWith("keepalived4j-core-")).anyMatch(n -> n.startsWith("netty-common-"))
                    .anyMatch(n -> n.startsWith("keepalived4j-exporter-snmp-")).allMatch(n -> n.endsWith(".jar"));
        }
        assertThat(home.resolve("mvnw")).doesNotExist();

        Lab.Finished version = Lab.attempt(Duration.ofSeconds(60), List.of(launcher.toString(), "-v"));
        assertThat(version.exitCode()).isZero();
        assertThat(version.output()).startsWith("keepalived4j ");

        // -t from the archive, reading our own settings from keepalived4j.conf beside the file
        Path conf = Files.writeString(dir.resolve("keepalived.conf"), "global_defs {\n    router_id archive\n}\n");
        Files.writeString(dir.resolve("keepalived4j.conf"), "keepalived4j_prometheus {\n    bogus 1\n}\n");
        Lab.Finished test = Lab.attempt(Duration.ofSeconds(60), List.of(launcher.toString(), "-t", "-f",
                conf.toString()));
        assertThat(test.output()).contains("keepalived4j.conf:2: unknown keyword 'bogus' in keepalived4j_prometheus");
        assertThat(test.exitCode()).isEqualTo(5);

        // without its jars it stops, it does not build
        Lab.run("sh", "-c", "rm " + home.resolve("lib") + "/*.jar");
        Lab.Finished bare = Lab.attempt(Duration.ofSeconds(60), List.of(launcher.toString(), "-v"));
        assertThat(bare.exitCode()).isEqualTo(1);
        assertThat(bare.output()).contains("no keepalived4j jars in").doesNotContain("building");
    }
}
