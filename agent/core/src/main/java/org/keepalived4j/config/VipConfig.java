package org.keepalived4j.config;

import java.net.InetAddress;

/**
 * One line of {@code virtual_ipaddress}, {@code virtual_ipaddress_excluded} or
 * {@code static_ipaddress}: {@code <IPADDR>[/<MASK>] [brd <IPADDR>] [dev <STRING>] [scope <SCOPE>]
 * [label <LABEL>] [peer <IPADDR>] [home] [-nodad] [mngtmpaddr] [noprefixroute] [autojoin]
 * [no_track] [preferred_lft nn|forever] [use_vmac]}.
 *
 * @param address the address and prefix (default prefix 32 / 128)
 * @param broadcast {@code brd}, or {@code null}
 * @param device {@code dev}, or {@code null} for the instance's interface
 * @param scope {@code scope} (site, link, host, nowhere, global or a number), or {@code null}
 * @param label {@code label}, or {@code null}
 * @param peer {@code peer}, or {@code null}
 * @param home IPv6 {@code home}
 * @param noDad IPv6 {@code -nodad}
 * @param mngtmpaddr IPv6 {@code mngtmpaddr}
 * @param noPrefixRoute {@code noprefixroute}
 * @param autojoin {@code autojoin}
 * @param noTrack {@code no_track}: losing the address does not take the instance out of MASTER
 * @param preferredLft {@code preferred_lft} in seconds, -1 for {@code forever}, or {@code null}
 * @param useVmac {@code use_vmac} on this address
 * @param location where it was written
 */
public record VipConfig(IpPrefix address, InetAddress broadcast, String device, String scope, String label,
        InetAddress peer, boolean home, boolean noDad, boolean mngtmpaddr, boolean noPrefixRoute, boolean autojoin,
        boolean noTrack, Long preferredLft, boolean useVmac, SourceLocation location) {

    /** An address with every option at its default. */
    public static VipConfig of(IpPrefix address, String device, SourceLocation location) {
        return new VipConfig(address, null, device, null, null, null, false, false, false, false, false, false,
                null, false, location);
    }
}
