package org.keepalived4j.ipvs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code modprobe -q -- ip_vs}, using the program named in /proc/sys/kernel/modprobe when
 * there is one (as keepalived does), else /sbin/modprobe. Waits at most a few seconds.
 */
public final class ModprobeIpvsModuleLoader implements IpvsModuleLoader {

    private static final Path KERNEL_MODPROBE = Path.of("/proc/sys/kernel/modprobe");
    private static final String DEFAULT_MODPROBE = "/sbin/modprobe";
    private static final long TIMEOUT_SECONDS = 5;

    @Override
    public String load() {
        String modprobe = modprobePath();
        if (!Files.isExecutable(Path.of(modprobe))) {
            return modprobe + " not found";
        }
        Process process;
        try {
            process = new ProcessBuilder(List.of(modprobe, "-q", "--", "ip_vs"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return "cannot run " + modprobe + ": " + e.getMessage();
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return modprobe + " ip_vs did not finish within " + TIMEOUT_SECONDS + " s";
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return modprobe + " ip_vs interrupted";
        }
        int exit = process.exitValue();
        return exit == 0 ? modprobe + " ip_vs succeeded" : modprobe + " ip_vs failed (exit " + exit + ")";
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
