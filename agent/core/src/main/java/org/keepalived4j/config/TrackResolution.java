package org.keepalived4j.config;

import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.model.TrackSettings;

/**
 * What a {@code track_*} block amounts to once the tracked objects are known: each reference with
 * its weight and direction as keepalived resolves them (a {@code weight} on the reference wins;
 * without one a script, file, process or BFD session brings its own weight and reverse flag; an
 * interface without one weighs 0). References to objects that do not exist are left out, as
 * keepalived leaves them out (the parser has reported them). The engine builds its trackers from
 * this, and the read model shows it, so both say the same.
 */
public final class TrackResolution {

    private TrackResolution() {
    }

    public static List<TrackSettings> resolve(TrackingConfig tracking, KeepalivedConfig config) {
        List<TrackSettings> out = new ArrayList<>();
        for (TrackRef ref : tracking.interfaces()) {
            out.add(new TrackSettings("interface", ref.name(), ref.weight() != null ? ref.weight() : 0, ref.reverse()));
        }
        for (TrackRef ref : tracking.scripts()) {
            config.script(ref.name()).ifPresent(s -> out.add(new TrackSettings("script", s.name(),
                    weight(ref, s.weight()), ref.weight() != null ? ref.reverse() : s.weightReverse() || ref.reverse())));
        }
        for (TrackRef ref : tracking.files()) {
            config.trackFiles().stream().filter(f -> f.name().equals(ref.name())).findFirst().ifPresent(f ->
                    out.add(new TrackSettings("file", f.name(), weight(ref, f.weight()), direction(ref, f.reverse()))));
        }
        for (TrackRef ref : tracking.processes()) {
            config.trackProcesses().stream().filter(p -> p.name().equals(ref.name())).findFirst().ifPresent(p ->
                    out.add(new TrackSettings("process", p.name(), weight(ref, p.weight()),
                            direction(ref, p.reverse()))));
        }
        for (TrackRef ref : tracking.bfds()) {
            config.bfdInstance(ref.name()).ifPresent(b -> out.add(new TrackSettings("bfd", b.name(),
                    weight(ref, b.weight()), direction(ref, b.reverse()))));
        }
        return out;
    }

    private static int weight(TrackRef ref, int fallback) {
        return ref.weight() != null ? ref.weight() : fallback;
    }

    private static boolean direction(TrackRef ref, boolean fallback) {
        return ref.weight() != null ? ref.reverse() : fallback;
    }
}
