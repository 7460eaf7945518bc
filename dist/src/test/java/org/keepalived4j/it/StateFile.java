package org.keepalived4j.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * A node's VRRP states as its daemon reports them: through keepalived's notify FIFO (the same
 * for keepalived and keepalived4j), whose reader script ({@code notify_fifo_script}) appends
 * {@code $(date +%s.%N) INSTANCE "NAME" STATE PRIORITY} to a file for each line as it reads it,
 * which is read back here. A FIFO keeps the daemon's order: keepalived's notify scripts do not
 * (it starts each and does not wait, so on a loaded machine a MASTER script can write after the
 * BACKUP script that followed it).
 */
final class StateFile {

    /** One transition: when the line was read (just after the daemon changed state), instance, state, priority. */
    record Change(long micros, String instance, String state, int priority) {
    }

    private static final java.util.Set<String> STATES = java.util.Set.of("MASTER", "BACKUP", "FAULT", "STOP",
            "DELETED");

    private final Path script;
    private final Path fifo;
    private final Path file;

    StateFile(Path dir, String node) {
        this.script = dir.resolve("notify-" + node + ".sh");
        this.fifo = dir.resolve("notify-" + node + ".fifo");
        this.file = dir.resolve("states-" + node + ".txt");
        try {
            Files.writeString(script, "#!/bin/sh\nwhile read -r kind name state priority; do\n"
                    + "    echo \"$(date +%s.%N) $kind $name $state $priority\" >> " + file + "\ndone < \"$1\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The global_defs lines that feed the file: the notify FIFO and its reader. */
    List<String> globalLines() {
        return List.of("notify_fifo " + fifo, "notify_fifo_script " + script);
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
            // the FIFO also carries notes that are no state: MASTER_RX_LOWER_PRI, MASTER_PRIORITY...
            if (f.length == 5 && f[1].equals("INSTANCE") && f[0].matches("\\d+\\.\\d{9}") && STATES.contains(f[3])) {
                long micros = Long.parseLong(f[0].substring(0, f[0].indexOf('.'))) * 1_000_000L
                        + Long.parseLong(f[0].substring(f[0].indexOf('.') + 1, f[0].indexOf('.') + 7));
                out.add(new Change(micros, f[2].replace("\"", ""), f[3], Integer.parseInt(f[4])));
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
