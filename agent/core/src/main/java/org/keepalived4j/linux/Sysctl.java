package org.keepalived4j.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes integer kernel parameters under a root ({@code /proc/sys} normally). Network
 * parameters ({@code net/...}) resolve in the network namespace of the calling thread.
 */
public final class Sysctl {

    private final Path root;

    /** Parameters under {@code root}, usually {@code Path.of("/proc/sys")}. */
    public Sysctl(Path root) {
        this.root = root;
    }

    /**
     * The integer value of {@code name} (like {@code net/ipv4/conf/eth0/arp_ignore}). Read in
     * one go: an integer parameter answers a read that does not start at offset 0 with end of
     * file, and {@code Files.readString} reads a file whose size is given as 0 one byte first.
     */
    public int read(String name) throws IOException {
        Path file = resolve(name);
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            return Integer.parseInt(lines.isEmpty() ? "" : lines.get(0).trim());
        } catch (NumberFormatException e) {
            throw new IOException(file + " does not hold an integer", e);
        }
    }

    /** Writes {@code value} to {@code name}. */
    public void write(String name, int value) throws IOException {
        Files.writeString(resolve(name), Integer.toString(value), StandardCharsets.US_ASCII);
    }

    /** Whether parameter {@code name} exists. */
    public boolean exists(String name) {
        return Files.exists(resolve(name));
    }

    /** The value of {@code name}, or {@code absent} when the parameter does not exist. */
    public int readOr(String name, int absent) throws IOException {
        try {
            return read(name);
        } catch (NoSuchFileException e) {
            return absent;
        }
    }

    private Path resolve(String name) {
        if (name.startsWith("/") || name.contains("..")) {
            throw new IllegalArgumentException("bad sysctl name " + name);
        }
        return root.resolve(name);
    }
}
