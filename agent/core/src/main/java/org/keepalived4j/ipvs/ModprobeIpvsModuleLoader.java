package org.keepalived4j.ipvs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.keepalived4j.exec.ScriptCommand;
import org.keepalived4j.exec.ScriptOutcome;
import org.keepalived4j.exec.ScriptRunner;
import org.keepalived4j.exec.ScriptUser;

/**
 * Runs {@code modprobe -q -- ip_vs}, using the program named in /proc/sys/kernel/modprobe when
 * there is one (as keepalived does), else /sbin/modprobe, through the {@link ScriptRunner}. Waits
 * at most a few seconds.
 */
public final class ModprobeIpvsModuleLoader implements IpvsModuleLoader {

    private static final Path KERNEL_MODPROBE = Path.of("/proc/sys/kernel/modprobe");
    private static final String DEFAULT_MODPROBE = "/sbin/modprobe";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Override
    public String load() {
        String modprobe = modprobePath();
        if (!Files.isExecutable(Path.of(modprobe))) {
            return modprobe + " not found";
        }
        ScriptCommand command = new ScriptCommand(List.of(modprobe, "-q", "--", "ip_vs"), ScriptUser.DAEMON);
        ScriptOutcome outcome;
        try (ScriptRunner runner = new ScriptRunner("modprobe", Duration.ZERO)) {
            outcome = runner.start(command, TIMEOUT).get(TIMEOUT.toSeconds() * 3, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return modprobe + " ip_vs: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return modprobe + " ip_vs interrupted";
        }
        if (outcome instanceof ScriptOutcome.NotStarted n) {
            return "cannot run " + modprobe + ": " + n.reason();
        }
        if (outcome instanceof ScriptOutcome.TimedOut) {
            return modprobe + " ip_vs did not finish within " + TIMEOUT.toSeconds() + " s";
        }
        return outcome.succeeded() ? modprobe + " ip_vs succeeded" : modprobe + " ip_vs failed (" + outcome.describe() + ")";
    }

    private static String modprobePath() {
        try {
            String configured = Files.readString(KERNEL_MODPROBE, StandardCharsets.US_ASCII).trim();
            if (!configured.isEmpty()) {
                return configured;
            }
        } catch (IOException e) {
            // no /proc/sys/kernel/modprobe (a kernel without module support): use the default path
        }
        return DEFAULT_MODPROBE;
    }
}
