package org.keepalived4j.state;

import java.util.List;
import java.util.Optional;
import org.keepalived4j.model.VirtualServerGroupSnapshot;
import org.keepalived4j.model.VirtualServerSnapshot;

/** Supplies the current snapshots of every virtual server (the checker subsystem implements it). */
@FunctionalInterface
public interface VirtualServerSource {

    /** The virtual servers and their real servers as they are now, in configuration order. */
    List<VirtualServerSnapshot> virtualServers();

    /** The virtual_server_groups. */
    default List<VirtualServerGroupSnapshot> virtualServerGroups() {
        return List.of();
    }

    /** One virtual server, without building the others' snapshots. */
    default Optional<VirtualServerSnapshot> virtualServer(String key) {
        return virtualServers().stream().filter(v -> v.key().equals(key)).findFirst();
    }
}
