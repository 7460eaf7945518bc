package org.keepalived4j.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real programs the integration tests need, and fails loudly when one is missing. */
final class ExternalProcess {

    private ExternalProcess() {
    }

    static Path require(String program) {
        Path p = Path.of(program);
        assertThat(Files.isExecutable(p)).as("%s is needed (Debian package 'prometheus')", program).isTrue();
        return p;
    }

    /** Runs a command with {@code input} on stdin; returns exit code and combined output. */
    static Result run(List<String> command, byte[] input) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(input);
        }
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Result(p.exitValue(), output);
    }

    /** A loopback port free at the moment of asking. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    record Result(int exitCode, String output) {
    }
}
