package org.keepalived4j.vrrp.net;

import static org.keepalived4j.linux.Rtnetlink.RTM_DELADDR;
import static org.keepalived4j.linux.Rtnetlink.RTM_NEWADDR;

import java.time.Duration;
import java.util.List;
import org.keepalived4j.linux.Errno;
import org.keepalived4j.linux.Netlink;
import org.keepalived4j.linux.NetlinkChannel;
import org.keepalived4j.linux.NetlinkException;
import org.keepalived4j.linux.SyscallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link VipInstaller} with RTM_NEWADDR / RTM_DELADDR on its own NETLINK_ROUTE socket. Not thread-safe. */
public final class NetlinkVipInstaller implements VipInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(NetlinkVipInstaller.class);

    private final NetlinkChannel channel;
    private final NetlinkLinkLookup lookup;

    NetlinkVipInstaller(NetlinkChannel channel) {
        this.channel = channel;
        this.lookup = new NetlinkLinkLookup(channel);
    }

    /** Opens the netlink socket; each request waits at most {@code timeout} for the kernel. */
    public static NetlinkVipInstaller open(Duration timeout) throws SyscallException {
        return new NetlinkVipInstaller(NetlinkChannel.open(Netlink.NETLINK_ROUTE, timeout));
    }

    @Override
    public AddressChange add(VipAddress vip) throws SyscallException {
        RouteMessages.putNewAddress(channel.begin(RTM_NEWADDR,
                Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL | Netlink.NLM_F_ACK), vip);
        try {
            channel.execute("RTM_NEWADDR " + vip);
            return AddressChange.ADDED;
        } catch (NetlinkException e) {
            if (e.errno() == Errno.EEXIST) {
                LOG.debug("{} is already installed", vip);
                return AddressChange.ALREADY_PRESENT;
            }
            throw e;
        }
    }

    @Override
    public AddressChange remove(VipAddress vip) throws SyscallException {
        RouteMessages.putDeleteAddress(channel.begin(RTM_DELADDR, Netlink.NLM_F_ACK), vip);
        try {
            channel.execute("RTM_DELADDR " + vip);
            return AddressChange.REMOVED;
        } catch (NetlinkException e) {
            if (e.errno() == Errno.EADDRNOTAVAIL) {
                LOG.debug("{} was not installed", vip);
                return AddressChange.NOT_PRESENT;
            }
            throw e;
        }
    }

    @Override
    public List<InstalledAddress> list(int interfaceIndex) throws SyscallException {
        return lookup.addresses(interfaceIndex);
    }

    @Override
    public void close() {
        channel.close();
    }
}
