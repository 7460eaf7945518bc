package org.keepalived4j.exporter.jmx;

/**
 * A {@code vrrp_sync_group}: {@code keepalived:type=SyncGroup,name="NAME"}. Sends an
 * {@link javax.management.AttributeChangeNotification} for {@code State} on every group state
 * change.
 */
public interface SyncGroupMXBean {

    /** The group name. */
    String getName();

    /** The group state: INIT, BACKUP, MASTER, FAULT or STOP. MASTER only when every member is. */
    String getState();

    /** The group state as keepalived's number: 0 INIT, 1 BACKUP, 2 MASTER, 3 FAULT, 4 STOP. */
    int getStateCode();

    /** The member instance names, in configuration order. */
    String[] getMembers();

    /** When the group state last changed, ISO-8601 in UTC. */
    String getLastTransition();

    /** How many state changes the group has made since it was created. */
    long getTransitionCount();
}
