package org.keepalived4j.state;

import java.util.List;
import java.util.Optional;
import org.keepalived4j.model.ScriptSnapshot;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.VrrpInstanceSnapshot;

/** Supplies the current snapshots of the VRRP side (the VRRP engine implements it). */
public interface VrrpSource {

    List<VrrpInstanceSnapshot> vrrpInstances();

    /** One instance, without building the others' snapshots. */
    Optional<VrrpInstanceSnapshot> vrrpInstance(String name);

    List<SyncGroupSnapshot> syncGroups();

    List<ScriptSnapshot> scripts();
}
