package org.keepalived4j.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a program to completion for integration tests; a failure is an AssertionError with its output. */
public final class ExternalCommand {

    private static final long TIMEOUT_SECONDS = 30;

    private ExternalCommand() {
    }

    /** Runs {@code command}; returns its combined output, failing unless it exits with 0. */
    public static String run(String... command) {
        Result result = tryRun(command);
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + result.exitCode() + ":\n"
                    + result.output());
        }
        return result.output();
    }

    /** Runs {@code command} and returns exit code and combined output, whatever the exit code. */
    public static Result tryRun(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        }
    }

    /** Exit code and combined stdout/stderr. */
    public record Result(int exitCode, String output) {
    }
}
