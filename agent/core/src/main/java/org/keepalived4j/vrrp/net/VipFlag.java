package org.keepalived4j.vrrp.net;

import org.keepalived4j.linux.Rtnetlink;

/** Address flags a {@code virtual_ipaddress} entry can ask for, with the kernel's IFA_F_* bit. */
public enum VipFlag {
    /** No duplicate address detection (IPv6; keepalived's default, cleared by {@code -nodad}). */
    NODAD(Rtnetlink.IFA_F_NODAD),
    /** {@code home}: a Mobile IPv6 home address. */
    HOME(Rtnetlink.IFA_F_HOMEADDRESS),
    /** {@code mngtmpaddr}: manage temporary addresses from this one. */
    MANAGE_TEMP_ADDR(Rtnetlink.IFA_F_MANAGETEMPADDR),
    /** {@code noprefixroute}: do not add the prefix route. */
    NO_PREFIX_ROUTE(Rtnetlink.IFA_F_NOPREFIXROUTE),
    /** {@code autojoin}: join the multicast group of a multicast address. */
    AUTO_JOIN(Rtnetlink.IFA_F_MCAUTOJOIN);

    private final int bit;

    VipFlag(int bit) {
        this.bit = bit;
    }

    /** The IFA_F_* bit. */
    public int bit() {
        return bit;
    }
}
