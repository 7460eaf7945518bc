package org.keepalived4j.exporter.snmp;

import java.util.List;
import org.keepalived4j.model.StateEvent;
import org.keepalived4j.model.StateSnapshot;

/**
 * Which notifications one MIB sends for an event, and when, as keepalived decides it (its
 * {@code enable_traps} / {@code enable_snmp_*} gating included): the event carries the object's
 * snapshot and settings; {@code state} is the daemon as it is now (router_id...).
 */
public interface NotificationSource {

    List<Notification> notifications(StateEvent event, StateSnapshot state);
}
