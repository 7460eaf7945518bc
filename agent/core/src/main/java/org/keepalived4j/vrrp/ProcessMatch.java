package org.keepalived4j.vrrp;

import org.keepalived4j.config.TrackProcessConfig;

/**
 * Whether a process matches a vrrp_track_process, as keepalived decides: by the kernel's
 * 15-character process name, or by the full command path with {@code full_command}; with
 * {@code param_match} the parameters must match exactly, as a prefix ({@code initial}) or
 * anywhere ({@code partial}).
 */
final class ProcessMatch {

    private ProcessMatch() {
    }

    static boolean matches(TrackProcessConfig config, String comm, String cmdline) {
        String argv0 = cmdline;
        String params = "";
        int space = cmdline.indexOf(' ');
        if (space >= 0) {
            argv0 = cmdline.substring(0, space);
            params = cmdline.substring(space + 1).strip();
        }
        boolean nameMatches;
        if (config.fullCommand()) {
            nameMatches = argv0.equals(config.process());
        } else {
            String wanted = config.process().length() > 15 ? config.process().substring(0, 15) : config.process();
            nameMatches = comm.equals(wanted);
        }
        if (!nameMatches) {
            return false;
        }
        if (config.parameters() == null) {
            return true;
        }
        String mode = config.paramMatch() == null ? "exact" : config.paramMatch();
        return switch (mode) {
            case "initial" -> params.startsWith(config.parameters());
            case "partial" -> params.contains(config.parameters());
            default -> params.equals(config.parameters());
        };
    }
}
