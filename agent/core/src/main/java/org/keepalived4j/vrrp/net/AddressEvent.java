package org.keepalived4j.vrrp.net;

/**
 * An address was added to or removed from an interface.
 *
 * @param removed true for RTM_DELADDR, false for RTM_NEWADDR
 * @param address the address as reported
 * @param fromDump whether this comes from a full dump rather than a change notification
 */
public record AddressEvent(boolean removed, InstalledAddress address, boolean fromDump) {
}
