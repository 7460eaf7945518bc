package org.keepalived4j.config;

import java.util.List;

/**
 * What a VRRP instance or sync group tracks.
 *
 * @param interfaces {@code track_interface}
 * @param scripts {@code track_script} (names of {@code vrrp_script} blocks)
 * @param files {@code track_file} (names of {@code track_file} blocks)
 * @param processes {@code track_process} (names of {@code vrrp_track_process} blocks)
 * @param bfds {@code track_bfd} (names of {@code bfd_instance} blocks)
 */
public record TrackingConfig(List<TrackRef> interfaces, List<TrackRef> scripts, List<TrackRef> files,
        List<TrackRef> processes, List<TrackRef> bfds) {

    public static final TrackingConfig NONE = new TrackingConfig(List.of(), List.of(), List.of(), List.of(), List.of());

    public TrackingConfig {
        interfaces = List.copyOf(interfaces);
        scripts = List.copyOf(scripts);
        files = List.copyOf(files);
        processes = List.copyOf(processes);
        bfds = List.copyOf(bfds);
    }

    public boolean isEmpty() {
        return interfaces.isEmpty() && scripts.isEmpty() && files.isEmpty() && processes.isEmpty() && bfds.isEmpty();
    }
}
