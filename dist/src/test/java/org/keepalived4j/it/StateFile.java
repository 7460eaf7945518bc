package org.keepalived4j.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * A node's VRRP states as its daemon reports them: keepalived's {@code notify} script (the
 * same for keepalived and keepalived4j) appends {@code $(date +%s.%N) $1 $2 $3 $4} — time,
 * INSTANCE, name, state, priority — to a file, which is read back here.
 */
final class StateFile {

    /** One transition: when the script ran (just after the daemon changed state), instance, state, priority. */
    record Change(long micros, String instance, String state, int priority) {
    }

    private final Path script;
    private final Path file;

    StateFile(Path dir, String node) {
        this.script = dir.resolve("notify-" + node + ".sh");
        this.file = dir.resolve("states-" + node + ".txt");
        try {
            Files.writeString(script, "#!/bin/sh\necho \"$(date +%s.%N) $1 $2 $3 $4\" >> " + file + "\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The instance line that runs the script. */
    String notifyLine() {
        return "notify " + script;
    }

    List<Change> changes() {
        List<Change> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            String[] f = line.trim().split(" ");
            if (f.length == 5 && f[1].equals("INSTANCE") && f[0].matches("\\d+\\.\\d{9}")) {
                long micros = Long.parseLong(f[0].substring(0, f[0].indexOf('.'))) * 1_000_000L
                        + Long.parseLong(f[0].substring(f[0].indexOf('.') + 1, f[0].indexOf('.') + 7));
                out.add(new Change(micros, f[2], f[3], Integer.parseInt(f[4])));
            }
        }
        return out;
    }

    /** The state the instance last reported at or before {@code micros} and after {@code since}, or null. */
    String stateAt(String instance, long since, long micros) {
        String state = null;
        for (Change c : changes()) {
            if (c.instance().equals(instance) && c.micros() >= since && c.micros() <= micros) {
                state = c.state();
            }
        }
        return state;
    }
}
