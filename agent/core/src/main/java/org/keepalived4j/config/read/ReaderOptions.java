package org.keepalived4j.config.read;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How to read a configuration.
 *
 * @param configId the config id that {@code @ID} and {@code @^ID} lines are compared with and
 *        that {@code ${_INSTANCE}} expands to (keepalived's {@code -i}/{@code --config-id}); null
 *        for none, in which case every {@code @ID} line is skipped and every {@code @^ID} line used
 */
public record ReaderOptions(String configId) {

    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    /** keepalived's default: the config id is the node name up to its first dot. */
    public static ReaderOptions defaults() {
        return new ReaderOptions(firstLabel(nodeName()));
    }

    /** The part of a host name before its first '.', or null for null. */
    static String firstLabel(String hostName) {
        if (hostName == null) {
            return null;
        }
        int dot = hostName.indexOf('.');
        return dot < 0 ? hostName : hostName.substring(0, dot);
    }

    /** The kernel's node name (what uname(2) returns), or the resolver's host name. */
    private static String nodeName() {
        try {
            String name = Files.readString(KERNEL_HOSTNAME, StandardCharsets.UTF_8).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | SecurityException notLinux) {
            // fall back to the resolver below
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | SecurityException unknown) {
            return null;
        }
    }
}
