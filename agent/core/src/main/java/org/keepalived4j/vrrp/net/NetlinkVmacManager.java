package org.keepalived4j.vrrp.net;

import static org.keepalived4j.linux.Rtnetlink.*;

import java.io.IOException;
import java.net.Inet6Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.keepalived4j.linux.Errno;
import org.keepalived4j.linux.Netlink;
import org.keepalived4j.linux.NetlinkChannel;
import org.keepalived4j.linux.NetlinkException;
import org.keepalived4j.linux.NetlinkMessageWriter;
import org.keepalived4j.linux.SyscallException;
import org.keepalived4j.linux.Sysctl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link VmacManager} over NETLINK_ROUTE and {@code /proc/sys}. Not thread-safe. */
public final class NetlinkVmacManager implements VmacManager {

    private static final Logger LOG = LoggerFactory.getLogger(NetlinkVmacManager.class);
    private static final String MACVLAN = "macvlan";

    private final NetlinkChannel channel;
    private final NetlinkLinkLookup lookup;
    private final NetlinkVipInstaller installer;
    private final VmacSysctls sysctls;

    NetlinkVmacManager(NetlinkChannel channel, Sysctl sysctl) {
        this.channel = channel;
        this.lookup = new NetlinkLinkLookup(channel);
        this.installer = new NetlinkVipInstaller(channel);
        this.sysctls = new VmacSysctls(sysctl);
    }

    /** Opens the netlink socket and uses {@code /proc/sys} for interface parameters. */
    public static NetlinkVmacManager open(Duration timeout) throws SyscallException {
        return new NetlinkVmacManager(NetlinkChannel.open(Netlink.NETLINK_ROUTE, timeout),
                new Sysctl(Path.of("/proc/sys")));
    }

    @Override
    public VmacLink create(VmacSpec spec) throws IOException {
        LinkInfo base = lookup.byIndex(spec.baseInterfaceIndex()).orElseThrow(() -> new IOException(
                "base interface #" + spec.baseInterfaceIndex() + " of VMAC " + spec.name() + " does not exist"));
        boolean created = adoptOrCreate(spec);
        LinkInfo vmac = lookup.byName(spec.name()).orElseThrow(() -> new IOException(
                "VMAC " + spec.name() + " vanished right after creation"));
        boolean baseAcquired = false;
        try {
            setIpv6AddressGenerationOff(vmac);
            if (!spec.ipv6()) {
                sysctls.configureVmac(vmac.name());
                sysctls.acquire(base.index(), base.name());
                baseAcquired = true;
            }
            setUp(vmac);
            if (spec.ipv6()) {
                copyLinkLocalAddress(base, vmac);
            }
        } catch (IOException | RuntimeException e) {
            if (baseAcquired) {
                sysctls.release(base.index());
            }
            if (created) {
                deleteLink(vmac.index(), vmac.name());
            }
            throw e;
        }
        LOG.info("VMAC {} ({}) on {} is up", vmac.name(), spec.mac(), base.name());
        return new VmacLink(vmac.name(), vmac.index(), base.index(), spec.mac(), spec.ipv6(), created);
    }

    @Override
    public void delete(VmacLink link) throws IOException {
        try {
            if (link.created()) {
                deleteLink(link.index(), link.name());
            }
        } finally {
            if (!link.ipv6()) {
                sysctls.release(link.baseInterfaceIndex());
            }
        }
    }

    private boolean adoptOrCreate(VmacSpec spec) throws IOException {
        Optional<LinkInfo> existing = lookup.byName(spec.name());
        if (existing.isPresent()) {
            LinkInfo link = existing.get();
            if (!MACVLAN.equals(link.kind()) || link.parentIndex() != spec.baseInterfaceIndex()
                    || !spec.mac().equals(link.mac())) {
                throw new IOException("interface " + spec.name() + " already exists and is not the VMAC "
                        + spec.mac() + " on #" + spec.baseInterfaceIndex() + " (kind " + link.kind()
                        + ", parent #" + link.parentIndex() + ", mac " + link.mac() + ")");
            }
            LOG.info("Using the existing VMAC {}", spec.name());
            return false;
        }
        NetlinkMessageWriter writer = channel.begin(RTM_NEWLINK,
                Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL | Netlink.NLM_F_ACK);
        RouteMessages.putLinkHeader(writer, 0, 0, 0);
        writer.attributeString(IFLA_IFNAME, spec.name());
        writer.attributeInt(IFLA_LINK, spec.baseInterfaceIndex());
        writer.attribute(IFLA_ADDRESS, spec.mac().bytes());
        int linkInfo = writer.beginNested(IFLA_LINKINFO);
        writer.attributeString(IFLA_INFO_KIND, MACVLAN);
        int data = writer.beginNested(IFLA_INFO_DATA);
        writer.attributeInt(IFLA_MACVLAN_MODE, MACVLAN_MODE_PRIVATE);
        writer.endNested(data);
        writer.endNested(linkInfo);
        channel.execute("RTM_NEWLINK macvlan " + spec.name());
        return true;
    }

    private void setIpv6AddressGenerationOff(LinkInfo vmac) throws SyscallException {
        NetlinkMessageWriter writer = channel.begin(RTM_NEWLINK, Netlink.NLM_F_ACK);
        RouteMessages.putLinkHeader(writer, vmac.index(), 0, 0);
        int afSpec = writer.beginNested(IFLA_AF_SPEC);
        int inet6 = writer.beginNested(AF_INET6);
        writer.attributeByte(IFLA_INET6_ADDR_GEN_MODE, IN6_ADDR_GEN_MODE_NONE);
        writer.endNested(inet6);
        writer.endNested(afSpec);
        channel.execute("RTM_NEWLINK addrgenmode none " + vmac.name());
    }

    private void setUp(LinkInfo vmac) throws SyscallException {
        RouteMessages.putLinkHeader(channel.begin(RTM_NEWLINK, Netlink.NLM_F_ACK), vmac.index(), IFF_UP, IFF_UP);
        channel.execute("RTM_NEWLINK up " + vmac.name());
    }

    private void copyLinkLocalAddress(LinkInfo base, LinkInfo vmac) throws IOException {
        InstalledAddress linkLocal = null;
        Optional<Inet6Address> chosen = lookup.linkLocalIpv6Address(base.index());
        for (InstalledAddress address : lookup.addresses(base.index())) {
            if (chosen.isPresent() && address.address().equals(chosen.get())) {
                linkLocal = address;
            }
        }
        if (linkLocal == null) {
            throw new IOException("base interface " + base.name() + " has no IPv6 link-local address for VMAC "
                    + vmac.name());
        }
        installer.add(VipAddress.of(vmac.index(), linkLocal.address(), linkLocal.prefixLength())
                .withScope(AddressScope.LINK).withFlags(Set.of(VipFlag.NODAD)).withPreferredLifetime(0));
    }

    private void deleteLink(int index, String name) throws SyscallException {
        RouteMessages.putLinkHeader(channel.begin(RTM_DELLINK, Netlink.NLM_F_ACK), index, 0, 0);
        try {
            channel.execute("RTM_DELLINK " + name);
            LOG.info("VMAC {} deleted", name);
        } catch (NetlinkException e) {
            if (e.errno() != Errno.ENODEV) {
                throw e;
            }
        }
    }

    @Override
    public void close() {
        channel.close();
    }
}
