package org.keepalived4j.vrrp.net;

import static org.keepalived4j.linux.Rtnetlink.*;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keepalived4j.linux.Errno;
import org.keepalived4j.linux.Netlink;
import org.keepalived4j.linux.NetlinkChannel;
import org.keepalived4j.linux.NetlinkException;
import org.keepalived4j.linux.NetlinkMessage;
import org.keepalived4j.linux.NetlinkMessageWriter;
import org.keepalived4j.linux.SyscallException;

/** {@link LinkLookup} over its own NETLINK_ROUTE socket. Not thread-safe. */
public final class NetlinkLinkLookup implements LinkLookup {

    private final NetlinkChannel channel;

    NetlinkLinkLookup(NetlinkChannel channel) {
        this.channel = channel;
    }

    /** Opens the netlink socket; each request waits at most {@code timeout} for the kernel. */
    public static NetlinkLinkLookup open(Duration timeout) throws SyscallException {
        return new NetlinkLinkLookup(NetlinkChannel.open(Netlink.NETLINK_ROUTE, timeout));
    }

    @Override
    public Optional<LinkInfo> byName(String name) throws SyscallException {
        NetlinkMessageWriter writer = channel.begin(RTM_GETLINK, Netlink.NLM_F_ACK);
        RouteMessages.putLinkHeader(writer, 0, 0, 0);
        writer.attributeString(IFLA_IFNAME, name);
        return single("RTM_GETLINK " + name);
    }

    @Override
    public Optional<LinkInfo> byIndex(int index) throws SyscallException {
        RouteMessages.putLinkHeader(channel.begin(RTM_GETLINK, Netlink.NLM_F_ACK), index, 0, 0);
        return single("RTM_GETLINK #" + index);
    }

    private Optional<LinkInfo> single(String description) throws SyscallException {
        try {
            for (NetlinkMessage reply : channel.execute(description)) {
                LinkInfo link = reply.type() == RTM_NEWLINK ? RouteMessages.parseLink(reply) : null;
                if (link != null) {
                    return Optional.of(link);
                }
            }
            return Optional.empty();
        } catch (NetlinkException e) {
            if (e.errno() == Errno.ENODEV) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<LinkInfo> links() throws SyscallException {
        RouteMessages.putLinkHeader(channel.begin(RTM_GETLINK, Netlink.NLM_F_DUMP), 0, 0, 0);
        List<LinkInfo> links = new ArrayList<>();
        for (NetlinkMessage reply : channel.dump("RTM_GETLINK dump")) {
            LinkInfo link = reply.type() == RTM_NEWLINK ? RouteMessages.parseLink(reply) : null;
            if (link != null) {
                links.add(link);
            }
        }
        return links;
    }

    @Override
    public List<InstalledAddress> addresses(int interfaceIndex) throws SyscallException {
        RouteMessages.putAddressHeader(channel.begin(RTM_GETADDR, Netlink.NLM_F_DUMP), AF_UNSPEC, 0, 0, 0,
                interfaceIndex);
        List<InstalledAddress> addresses = new ArrayList<>();
        for (NetlinkMessage reply : channel.dump("RTM_GETADDR dump")) {
            InstalledAddress address = reply.type() == RTM_NEWADDR ? RouteMessages.parseAddress(reply) : null;
            if (address != null && address.interfaceIndex() == interfaceIndex) {
                addresses.add(address);
            }
        }
        return addresses;
    }

    @Override
    public Optional<Inet4Address> primaryIpv4Address(int interfaceIndex) throws SyscallException {
        for (InstalledAddress address : addresses(interfaceIndex)) {
            if (address.address() instanceof Inet4Address && !address.secondary()) {
                return Optional.of((Inet4Address) address.address());
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Inet6Address> linkLocalIpv6Address(int interfaceIndex) throws SyscallException {
        Inet6Address fallback = null;
        for (InstalledAddress address : addresses(interfaceIndex)) {
            if (address.address() instanceof Inet6Address && address.address().isLinkLocalAddress()) {
                Inet6Address linkLocal = (Inet6Address) address.address();
                if (!address.tentative() && !address.deprecated() && !address.noDad()) {
                    return Optional.of(linkLocal);
                }
                if (fallback == null) {
                    fallback = linkLocal;
                }
            }
        }
        return Optional.ofNullable(fallback);
    }

    @Override
    public void close() {
        channel.close();
    }
}
