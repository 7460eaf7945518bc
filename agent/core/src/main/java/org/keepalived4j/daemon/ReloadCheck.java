package org.keepalived4j.daemon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keepalived4j.config.ConfigResult;
import org.keepalived4j.config.Diagnostic;

/**
 * Whether a reloaded configuration may replace the running one: not when it rejects parts of
 * the file (errors, unknown keywords) that the running configuration did not. keepalived
 * applies such a file, so a truncated address leaves a MASTER advertising none, and a stray
 * brace or a garbage file stops instances; keepalived4j keeps what runs and says why. A
 * problem the running configuration had too (same message about the same object in the same
 * file, wherever the line moved) does not count: it was accepted when that one was loaded.
 */
final class ReloadCheck {

    private record Identity(String file, String subject, String message) {
        static Identity of(Diagnostic d) {
            return new Identity(d.location() == null ? null : d.location().file(), d.subject(),
                    d.message());
        }
    }

    private ReloadCheck() {
    }

    /** The problems of {@code next} that would make a reload lose part of the configuration. */
    static List<Diagnostic> newProblems(ConfigResult running, ConfigResult next) {
        Map<Identity, Integer> known = new HashMap<>();
        for (Diagnostic d : running.diagnostics()) {
            if (d.rejectsPart()) {
                known.merge(Identity.of(d), 1, Integer::sum);
            }
        }
        List<Diagnostic> found = new ArrayList<>();
        for (Diagnostic d : next.diagnostics()) {
            if (!d.rejectsPart()) {
                continue;
            }
            Identity id = Identity.of(d);
            Integer left = known.get(id);
            if (left != null && left > 0) {
                known.put(id, left - 1);
            } else {
                found.add(d);
            }
        }
        return found;
    }
}
