package org.keepalived4j.exporter.snmp.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs net-snmp's command-line tools, which judge the agent and the sinks. */
final class NetSnmpTool {

    private NetSnmpTool() {
    }

    static void require(String program) {
        assertThat(Files.isExecutable(Path.of(program)))
                .as("%s is needed (Debian packages 'snmp' and 'snmptrapd')", program).isTrue();
    }

    /** Runs {@code command}; returns its exit code and its output, stdout then stderr. */
    static Result run(String... command) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(c).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", c).isTrue();
        return new Result(p.exitValue(), out);
    }

    record Result(int exitCode, String output) {

        /** The output's lines, without blank ones. */
        List<String> lines() {
            return output.lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
