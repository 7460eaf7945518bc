package org.keepalived4j.config.vrrp;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Set;
import org.keepalived4j.config.IpPrefix;
import org.keepalived4j.config.VipConfig;
import org.keepalived4j.config.keyword.IpLiterals;
import org.keepalived4j.config.keyword.NumberReading;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;

/**
 * One line of {@code virtual_ipaddress}, {@code virtual_ipaddress_excluded} or
 * {@code static_ipaddress}, read as keepalived reads it: the address first, then
 * {@code ip address add}-style options.
 */
final class AddressLineParser {

    /** Scope names iproute2 knows without /etc/iproute2/rt_scopes additions. */
    static final Set<String> SCOPES = Set.of("global", "site", "link", "host", "nowhere");

    /** What a static address line also names. */
    record Parsed(VipConfig vip, String trackGroup) {
    }

    private AddressLineParser() {
    }

    /**
     * The address on this line, or {@code null} when keepalived drops the line.
     *
     * @param staticAddress whether this is {@code static_ipaddress} ({@code track_group}
     *        allowed, {@code use_vmac} not)
     */
    static Parsed parse(ConfigNode line, ParseContext ctx, String subject, boolean staticAddress) {
        String text = line.keyword();
        IpPrefix prefix = prefix(line, ctx, subject, text);
        if (prefix == null) {
            return null;
        }
        Options o = new Options(prefix);
        int i = 0;
        while (i < line.args().size()) {
            String word = line.arg(i);
            if (needsValue(word, staticAddress)) {
                if (i + 1 >= line.args().size()) {
                    ctx.error(line, subject, "No " + word + " parameter specified for " + text);
                    return null;
                }
                if (!option(o, word, line.arg(i + 1), line, ctx, subject, text)) {
                    return null;
                }
                i += 2;
                continue;
            }
            switch (word) {
                case "home" -> o.home = true;
                case "-nodad" -> o.noDad = true;
                case "mngtmpaddr" -> o.mngtmpaddr = true;
                case "noprefixroute" -> o.noPrefixRoute = true;
                case "autojoin" -> o.autojoin = true;
                case "no_track" -> o.noTrack = true;
                case "use_vmac" -> o.useVmac = !staticAddress;
                default -> ctx.error(line, subject, "Unknown configuration entry '" + word + "' for ip address - ignoring");
            }
            if ("use_vmac".equals(word) && staticAddress) {
                ctx.error(line, subject, "Unknown configuration entry '" + word + "' for ip address - ignoring");
            }
            i++;
        }
        return o.finish(line, ctx, subject, text);
    }

    private static boolean needsValue(String word, boolean staticAddress) {
        return switch (word) {
            case "dev", "scope", "broadcast", "brd", "label", "peer", "preferred_lft" -> true;
            case "track_group" -> staticAddress;
            default -> false;
        };
    }

    /** The leading {@code ADDRESS[/LEN]}; keepalived decides the family by the presence of ':'. */
    static IpPrefix prefix(ConfigNode line, ParseContext ctx, String subject, String text) {
        boolean v6 = IpLiterals.looksIpv6(text);
        int max = v6 ? 128 : 32;
        int length = max;
        String addressText = text;
        int slash = text.indexOf('/');
        if (slash >= 0) {
            addressText = text.substring(0, slash);
            NumberReading.Result r = NumberReading.unsigned(text.substring(slash + 1), 0, max);
            if (r.ok()) {
                length = (int) r.value();
            } else {
                ctx.error(line, subject, r.problemText() + " - Invalid address prefix len " + text.substring(slash + 1)
                        + " for address " + text + " - using " + max);
            }
        }
        InetAddress address = IpLiterals.parse(addressText);
        if (address == null || (address instanceof Inet4Address) == v6) {
            ctx.error(line, subject, "VRRP parsed invalid IP " + text + ". skipping IP...");
            return null;
        }
        return new IpPrefix(address, length);
    }

    private static boolean option(Options o, String word, String value, ConfigNode line, ParseContext ctx,
            String subject, String text) {
        switch (word) {
            case "dev" -> {
                if (o.device != null) {
                    ctx.error(line, subject, "Cannot specify ipaddress device more than once for " + text);
                    return false;
                }
                if (!ctx.interfaceUsable(value)) {
                    ctx.error(line, subject, "WARNING - interface " + value + " for ip address " + text
                            + " doesn't exist");
                    return false;
                }
                o.device = value;
            }
            case "scope" -> {
                if (SCOPES.contains(value) || NumberReading.unsigned(value, 0, 255).ok()) {
                    o.scope = value;
                } else {
                    ctx.error(line, subject, "Invalid scope '" + value + "' specified for " + text + " - ignoring");
                }
            }
            case "broadcast", "brd" -> {
                if (o.prefix.ipv6()) {
                    ctx.error(line, subject, "VRRP is trying to assign a broadcast " + value + " to the IPv6 address "
                            + text + " !!?? WTF... skipping VIP...");
                    return false;
                }
                if ("-".equals(value) || "+".equals(value)) {
                    o.broadcastSign = value;
                } else {
                    InetAddress brd = IpLiterals.parse(value);
                    if (!(brd instanceof Inet4Address)) {
                        ctx.error(line, subject, "VRRP is trying to assign invalid broadcast " + value
                                + ". skipping VIP...");
                        return false;
                    }
                    o.broadcast = brd;
                }
            }
            case "label" -> {
                if (value.length() >= 16) {
                    ctx.error(line, subject, "Address label " + value + " is longer than maximum length 15"
                            + " - removing address");
                    return false;
                }
                o.label = value;
            }
            case "peer" -> peer(o, value, line, ctx, subject);
            case "preferred_lft" -> {
                if ("forever".equals(value)) {
                    o.preferredLft = -1L;
                } else {
                    NumberReading.Result r = NumberReading.unsigned(value, 0, 0xFFFF_FFFFL);
                    if (r.ok()) {
                        o.preferredLft = r.value();
                    } else {
                        ctx.error(line, subject, r.problemText() + " - preferred_lft " + value + " is invalid");
                    }
                }
            }
            case "track_group" -> {
                if (o.trackGroup != null) {
                    ctx.error(line, subject, "track_group " + value + " is a duplicate");
                } else {
                    o.trackGroup = value;
                }
            }
            default -> throw new IllegalStateException(word);
        }
        return true;
    }

    private static void peer(Options o, String value, ConfigNode line, ParseContext ctx, String subject) {
        if (o.peer != null) {
            ctx.error(line, subject, "Peer " + value + " - another peer has already been specified");
            return;
        }
        InetAddress peer = IpLiterals.parse(value);
        if (peer == null) {
            ctx.error(line, subject, "Invalid peer address " + value);
        } else if ((peer instanceof Inet4Address) == o.prefix.ipv6()) {
            ctx.error(line, subject, "Peer address " + value + " does not match address family");
        } else {
            if (o.prefix.prefixLength() != (o.prefix.ipv6() ? 128 : 32)) {
                ctx.error(line, subject, "Cannot specify address prefix when specifying peer address - ignoring");
            }
            o.peer = peer;
        }
    }

    /** The options of one address line while it is read. */
    private static final class Options {
        final IpPrefix prefix;
        String device;
        String scope;
        InetAddress broadcast;
        String broadcastSign;
        String label;
        InetAddress peer;
        boolean home;
        boolean noDad;
        boolean mngtmpaddr;
        boolean noPrefixRoute;
        boolean autojoin;
        boolean noTrack;
        boolean useVmac;
        Long preferredLft;
        String trackGroup;

        Options(IpPrefix prefix) {
            this.prefix = prefix;
        }

        Parsed finish(ConfigNode line, ParseContext ctx, String subject, String text) {
            if ((broadcast != null || broadcastSign != null) && peer != null) {
                ctx.error(line, subject, "Cannot specify broadcast and peer addresses - ignoring broadcast address");
                broadcast = null;
                broadcastSign = null;
            } else if (broadcastSign != null && prefix.prefixLength() <= 30) {
                broadcast = Broadcasts.derive(peer != null ? peer : prefix.address(), prefix.prefixLength(),
                        "+".equals(broadcastSign));
            } else if (broadcastSign != null) {
                ctx.error(line, subject, "Address prefix length " + prefix.prefixLength() + " too long for broadcast");
            }
            if (prefix.ipv6() && scope != null) {
                ctx.error(line, subject, "Cannot specify scope for IPv6 addresses (" + text + ") - ignoring scope");
                scope = null;
            }
            if (prefix.ipv6() && label != null) {
                ctx.error(line, subject, "Cannot specify label for IPv6 addresses (" + text + ") - ignoring label");
                label = null;
            }
            if (trackGroup != null && device == null) {
                ctx.error(line, subject, "Static route cannot have track_group if interface not specified");
                trackGroup = null;
            }
            VipConfig vip = new VipConfig(prefix, broadcast, device, scope, label, peer, home, noDad, mngtmpaddr,
                    noPrefixRoute, autojoin, noTrack, preferredLft, useVmac, line.location());
            return new Parsed(vip, trackGroup);
        }
    }
}
