package org.keepalived4j.state;

import java.util.List;
import java.util.Optional;
import org.keepalived4j.model.ScriptSnapshot;
import org.keepalived4j.model.TrackBfdSnapshot;
import org.keepalived4j.model.TrackFileSnapshot;
import org.keepalived4j.model.TrackProcessSnapshot;
import org.keepalived4j.model.VrrpRouterCounters;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.VrrpInstanceSnapshot;

/** Supplies the current snapshots of the VRRP side (the VRRP engine implements it). */
public interface VrrpSource {

    List<VrrpInstanceSnapshot> vrrpInstances();

    /** One instance, without building the others' snapshots. */
    Optional<VrrpInstanceSnapshot> vrrpInstance(String name);

    List<SyncGroupSnapshot> syncGroups();

    List<ScriptSnapshot> scripts();

    /** The vrrp_track_files with the values read now. */
    List<TrackFileSnapshot> trackFiles();

    /** The vrrp_track_processes with what they see now. */
    List<TrackProcessSnapshot> trackProcesses();

    /** The BFD sessions instances track. */
    List<TrackBfdSnapshot> trackBfds();

    /** The packets no instance could take, counted so far. */
    VrrpRouterCounters routerCounters();
}
