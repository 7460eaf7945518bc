package org.keepalived4j.vrrp.net;

/**
 * A link appeared, changed or disappeared.
 *
 * @param removed true for RTM_DELLINK, false for RTM_NEWLINK (new or changed)
 * @param link the link's state as reported
 * @param fromDump whether this comes from a full dump (start-up or resynchronisation) rather
 *     than from a change notification
 */
public record LinkEvent(boolean removed, LinkInfo link, boolean fromDump) {
}
