package org.keepalived4j.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonStartTest {

    @TempDir
    Path dir;

    @Test
    void exitsZeroWithoutStartingWhenThePidFileNamesALiveProcess() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Path pid = dir.resolve("k.pid");
            Files.writeString(pid, other.pid() + "\n");
            Path conf = dir.resolve("k.conf");
            Files.writeString(conf, "global_defs {\n    router_id t\n}\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = Main.run(new String[] {"-f", conf.toString(), "-p", pid.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(status).isZero();
            // the other process' pid file is left as it was
            assertThat(Files.readString(pid).trim()).isEqualTo(Long.toString(other.pid()));
        } finally {
            other.destroyForcibly();
        }
    }
}
