package org.keepalived4j.model;

/**
 * One address of a VRRP instance as configured: a {@code virtual_ipaddress} line (advertised)
 * or a {@code virtual_ipaddress_excluded} one (not advertised).
 *
 * @param index its position among the instance's addresses, from 1: the virtual addresses first,
 *        then the excluded ones, in configuration order (KEEPALIVED-MIB's vrrpAddressIndex)
 * @param value the address without prefix, e.g. {@code 10.0.0.1} or {@code fd00::1}
 * @param prefixLength the prefix length ({@code /24}; 32 or 128 when not written)
 * @param ipv6 whether it is an IPv6 address
 * @param broadcast {@code brd}, or {@code null}
 * @param device the interface it goes on ({@code dev}, else the instance's)
 * @param label {@code label}, or {@code null}
 * @param scope {@code scope}, or {@code null} for the default (global)
 * @param peer {@code peer}, or {@code null}
 * @param advertised whether adverts carry it (false for excluded addresses)
 */
public record AddressSettings(int index, String value, int prefixLength, boolean ipv6, String broadcast, String device,
        String label, String scope, String peer, boolean advertised) {

    /** {@code value/prefixLength}, e.g. {@code 10.0.0.1/24}. */
    public String address() {
        return value + "/" + prefixLength;
    }
}
