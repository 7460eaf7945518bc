package org.keepalived4j.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The environment every script gets: the daemon's own, unchanged, as keepalived 2.2.7 passes
 * its environment (it sets nothing: not HOME or USER for another user, not PATH), plus a PATH
 * when the daemon has none, so that a script run from an empty environment still finds the
 * usual programs. The default is systemd's.
 */
final class ScriptEnvironment {

    static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private ScriptEnvironment() {
    }

    /** {@code NAME=value} entries for {@code daemon} (normally {@link System#getenv()}). */
    static List<String> of(Map<String, String> daemon) {
        List<String> entries = new ArrayList<>(daemon.size() + 1);
        daemon.forEach((name, value) -> entries.add(name + "=" + value));
        if (!daemon.containsKey("PATH")) {
            entries.add("PATH=" + DEFAULT_PATH);
        }
        return List.copyOf(entries);
    }
}
