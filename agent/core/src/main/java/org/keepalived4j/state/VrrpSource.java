package org.keepalived4j.state;

import java.util.List;
import org.keepalived4j.model.ScriptSnapshot;
import org.keepalived4j.model.SyncGroupSnapshot;
import org.keepalived4j.model.VrrpInstanceSnapshot;

/** Supplies the current snapshots of the VRRP side (the VRRP engine implements it). */
public interface VrrpSource {

    List<VrrpInstanceSnapshot> vrrpInstances();

    List<SyncGroupSnapshot> syncGroups();

    List<ScriptSnapshot> scripts();
}
