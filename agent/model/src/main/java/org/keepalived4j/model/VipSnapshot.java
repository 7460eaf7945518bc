package org.keepalived4j.model;

/**
 * One virtual (or excluded virtual) address of a VRRP instance: as configured, and whether it
 * is on its interface now.
 *
 * @param settings the address as configured
 * @param installed whether the address is on the interface now, as the kernel reports it (whoever
 *        put it there): on a MASTER it should be, anywhere else it should not
 */
public record VipSnapshot(AddressSettings settings, boolean installed) {

    /** The address with its prefix length, e.g. {@code 10.0.0.1/24} or {@code fe80::1/64}. */
    public String address() {
        return settings.address();
    }

    /** The interface it is installed on. */
    public String device() {
        return settings.device();
    }

    /** The interface label ({@code label eth0:1}), or {@code null}. */
    public String label() {
        return settings.label();
    }

    /** The address scope ({@code global}, {@code link}, {@code host}...), or {@code null} for the default. */
    public String scope() {
        return settings.scope();
    }
}
