package org.keepalived4j.linux;

/**
 * NETLINK_ROUTE constants ({@code linux/rtnetlink.h}, {@code if_link.h}, {@code if_addr.h},
 * {@code if.h}) and the layouts of the fixed message headers.
 *
 * <p>{@code struct ifinfomsg} (16 bytes): family u8@0, pad@1, type u16@2, index i32@4,
 * flags u32@8, change u32@12. {@code struct ifaddrmsg} (8 bytes): family u8@0,
 * prefixlen u8@1, flags u8@2, scope u8@3, index u32@4.
 */
public final class Rtnetlink {

    public static final int IFINFOMSG_SIZE = 16;
    public static final int IFADDRMSG_SIZE = 8;

    public static final int RTM_NEWLINK = 16;
    public static final int RTM_DELLINK = 17;
    public static final int RTM_GETLINK = 18;
    public static final int RTM_NEWADDR = 20;
    public static final int RTM_DELADDR = 21;
    public static final int RTM_GETADDR = 22;

    public static final int RTNLGRP_LINK = 1;
    public static final int RTNLGRP_IPV4_IFADDR = 5;
    public static final int RTNLGRP_IPV6_IFADDR = 9;

    public static final int IFLA_ADDRESS = 1;
    public static final int IFLA_BROADCAST = 2;
    public static final int IFLA_IFNAME = 3;
    public static final int IFLA_MTU = 4;
    public static final int IFLA_LINK = 5;
    public static final int IFLA_OPERSTATE = 16;
    public static final int IFLA_LINKINFO = 18;
    public static final int IFLA_AF_SPEC = 26;
    public static final int IFLA_INFO_KIND = 1;
    public static final int IFLA_INFO_DATA = 2;
    public static final int IFLA_MACVLAN_MODE = 1;
    public static final int MACVLAN_MODE_PRIVATE = 1;
    public static final int IFLA_INET6_ADDR_GEN_MODE = 8;
    public static final int IN6_ADDR_GEN_MODE_NONE = 1;

    public static final int IFF_UP = 0x1;
    public static final int IFF_BROADCAST = 0x2;
    public static final int IFF_LOOPBACK = 0x8;
    public static final int IFF_RUNNING = 0x40;
    public static final int IFF_MULTICAST = 0x1000;
    public static final int IFF_LOWER_UP = 0x10000;

    public static final int IFA_ADDRESS = 1;
    public static final int IFA_LOCAL = 2;
    public static final int IFA_LABEL = 3;
    public static final int IFA_BROADCAST = 4;
    public static final int IFA_CACHEINFO = 6;
    public static final int IFA_FLAGS = 8;

    public static final int IFA_F_SECONDARY = 0x01;
    public static final int IFA_F_NODAD = 0x02;
    public static final int IFA_F_HOMEADDRESS = 0x10;
    public static final int IFA_F_DEPRECATED = 0x20;
    public static final int IFA_F_TENTATIVE = 0x40;
    public static final int IFA_F_PERMANENT = 0x80;
    public static final int IFA_F_MANAGETEMPADDR = 0x100;
    public static final int IFA_F_NOPREFIXROUTE = 0x200;
    public static final int IFA_F_MCAUTOJOIN = 0x400;

    public static final int RT_SCOPE_UNIVERSE = 0;
    public static final int RT_SCOPE_SITE = 200;
    public static final int RT_SCOPE_LINK = 253;
    public static final int RT_SCOPE_HOST = 254;
    public static final int RT_SCOPE_NOWHERE = 255;

    /** {@code ifa_cacheinfo} lifetime meaning forever. */
    public static final int INFINITY_LIFE_TIME = 0xffffffff;

    public static final int AF_UNSPEC = 0;
    public static final int AF_INET = SocketConstants.AF_INET;
    public static final int AF_INET6 = SocketConstants.AF_INET6;

    private Rtnetlink() {
    }
}
