package org.keepalived4j.vrrp.net;

/** What adding or removing an address did. */
public enum AddressChange {
    /** The address was added. */
    ADDED,
    /** The address was already there (EEXIST): nothing changed, which counts as success. */
    ALREADY_PRESENT,
    /** The address was removed. */
    REMOVED,
    /** The address was not there (EADDRNOTAVAIL): nothing changed, which counts as success. */
    NOT_PRESENT
}
