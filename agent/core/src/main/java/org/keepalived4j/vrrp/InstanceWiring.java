package org.keepalived4j.vrrp;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.keepalived4j.config.AuthType;
import org.keepalived4j.config.GlobalConfig;
import org.keepalived4j.config.UnicastPeer;
import org.keepalived4j.config.VipConfig;
import org.keepalived4j.config.VrrpInstanceConfig;
import org.keepalived4j.vrrp.net.AddressScope;
import org.keepalived4j.vrrp.net.LinkInfo;
import org.keepalived4j.vrrp.net.MacAddress;
import org.keepalived4j.vrrp.net.VipAddress;
import org.keepalived4j.vrrp.net.VipFlag;
import org.keepalived4j.vrrp.net.VmacLink;
import org.keepalived4j.vrrp.net.VmacSpec;
import org.keepalived4j.vrrp.net.VrrpSocketOptions;
import org.keepalived4j.vrrp.packet.VrrpAddress;
import org.keepalived4j.vrrp.packet.VrrpPacket;

/**
 * Connects an instance to the network: resolves its interface, creates its VMAC, picks the
 * advert source, opens (or shares) its socket and turns its addresses into what rtnetlink
 * installs. Loop thread only.
 */
final class InstanceWiring {

    /** The instance cannot be bound now; the message says why (its interface, its address...). */
    static final class BindException extends Exception {
        BindException(String message) {
            super(message);
        }
    }

    private final VrrpHost host;
    private final SocketTable sockets;
    private final GlobalConfig global;

    InstanceWiring(VrrpHost host, SocketTable sockets, GlobalConfig global) {
        this.host = host;
        this.sockets = sockets;
        this.global = global;
    }

    InstanceBinding bind(VrrpInstance instance) throws BindException, IOException {
        VrrpInstanceConfig c = instance.config();
        if (c.auth().type() == AuthType.AH) {
            throw new BindException("IPsec-AH authentication is not supported; use auth_type PASS or none");
        }
        LinkInfo base = link(c.interfaceName());
        VmacLink vmac = null;
        LinkInfo advertLink = base;
        if (c.transport().vmac() != null) {
            String name = c.transport().vmac().interfaceName();
            VmacSpec spec = name != null ? new VmacSpec(name, base.index(), c.vrid(), c.ipv6())
                    : VmacSpec.withDefaultName(base.index(), c.vrid(), c.ipv6());
            vmac = host.vmacs().create(spec);
            if (!c.transport().vmac().xmitBase()) {
                advertLink = link(vmac.name());
            }
        }
        try {
            // adverts from a VMAC carry the base interface's address, as keepalived's do
            InetAddress source = source(c, base.index());
            VrrpSocketOptions options = options(c, advertLink, source);
            List<VrrpAddress> advertised = c.vips().stream()
                    .filter(v -> v.address().ipv6() == c.ipv6())
                    .map(v -> VrrpAddress.of(v.address().address())).toList();
            SocketTable.Shared socket = sockets.acquire(options, instance,
                    rxShare(c, advertised.size(), advertLink));
            int addressIndex = vmac != null ? vmac.index() : base.index();
            MacAddress mac = vmac != null ? vmac.mac() : base.mac();
            List<VipAddress> addresses = new ArrayList<>();
            for (VipConfig v : c.vips()) {
                addresses.add(vipAddress(v, addressIndex));
            }
            for (VipConfig v : c.excludedVips()) {
                addresses.add(vipAddress(v, addressIndex));
            }
            List<VrrpAddress> destinations = destinations(c);
            return new InstanceBinding(advertLink.index(), addressIndex, mac, VrrpAddress.of(source),
                    destinations, destinations.stream().map(VrrpAddress::toInetAddress).toList(), socket, List.copyOf(addresses), advertised, vmac);
        } catch (BindException | IOException | RuntimeException e) {
            if (vmac != null && vmac.created()) {
                host.vmacs().delete(vmac);
            }
            throw e;
        }
    }

    /** The instance's share of its socket's receive buffer; keepalived's advert length has no IP header. */
    private static SocketTable.RxShare rxShare(VrrpInstanceConfig c, int advertised, LinkInfo link) {
        int advertLength = VrrpPacket.HEADER_LENGTH + advertised * (c.ipv6() ? 16 : 4)
                + (c.version() == 2 ? VrrpPacket.AUTH_DATA_LENGTH : 0);
        long perSecond = (1_000_000L + c.advertIntervalMicros() - 1) / c.advertIntervalMicros();
        return new SocketTable.RxShare(c.transport().rxBuffer().bytes(advertLength, link.mtu()), (int) perSecond);
    }

    private LinkInfo link(String name) throws BindException, IOException {
        if (name == null) {
            throw new BindException("no interface configured");
        }
        Optional<LinkInfo> link = host.links().byName(name);
        if (link.isEmpty()) {
            throw new BindException("interface " + name + " does not exist");
        }
        return link.get();
    }

    private InetAddress source(VrrpInstanceConfig c, int interfaceIndex) throws BindException, IOException {
        InetAddress configured = c.transport().sourceAddress();
        if (configured != null) {
            return configured;
        }
        Optional<? extends InetAddress> found = c.ipv6() ? host.links().linkLocalIpv6Address(interfaceIndex)
                : host.links().primaryIpv4Address(interfaceIndex);
        return found.orElseThrow(() -> new BindException("interface " + c.interfaceName() + " has no "
                + (c.ipv6() ? "IPv6 link-local" : "IPv4") + " address to send adverts from"));
    }

    private VrrpSocketOptions options(VrrpInstanceConfig c, LinkInfo link, InetAddress source) {
        VrrpSocketOptions options;
        if (c.transport().unicast()) {
            options = VrrpSocketOptions.unicast(c.ipv6(), link.name(), link.index(), source)
                    .withUnicastHops(c.transport().unicastTtl());
        } else {
            options = VrrpSocketOptions.multicast(c.ipv6(), link.name(), link.index(), source)
                    .withMulticastGroup(group(c));
        }
        return options;
    }

    private InetAddress group(VrrpInstanceConfig c) {
        if (c.transport().mcastDstIp() != null) {
            return c.transport().mcastDstIp();
        }
        if (c.ipv6()) {
            return global.mcastGroup6() != null ? global.mcastGroup6() : VrrpSocketOptions.IPV6_GROUP;
        }
        return global.mcastGroup4() != null ? global.mcastGroup4() : VrrpSocketOptions.IPV4_GROUP;
    }

    private List<VrrpAddress> destinations(VrrpInstanceConfig c) {
        if (!c.transport().unicast()) {
            return List.of(VrrpAddress.of(group(c)));
        }
        List<VrrpAddress> peers = new ArrayList<>();
        for (UnicastPeer peer : c.transport().unicastPeers()) {
            peers.add(VrrpAddress.of(peer.address()));
        }
        return peers;
    }

    private VipAddress vipAddress(VipConfig v, int defaultIndex) throws BindException, IOException {
        int index = defaultIndex;
        if (v.device() != null) {
            index = link(v.device()).index();
        }
        Set<VipFlag> flags = EnumSet.noneOf(VipFlag.class);
        if (v.address().ipv6() && !v.noDad()) {
            flags.add(VipFlag.NODAD);
        }
        if (v.home()) {
            flags.add(VipFlag.HOME);
        }
        if (v.mngtmpaddr()) {
            flags.add(VipFlag.MANAGE_TEMP_ADDR);
        }
        if (v.noPrefixRoute()) {
            flags.add(VipFlag.NO_PREFIX_ROUTE);
        }
        if (v.autojoin()) {
            flags.add(VipFlag.AUTO_JOIN);
        }
        long preferred = v.preferredLft() != null
                ? (v.preferredLft() < 0 ? VipAddress.FOREVER : v.preferredLft())
                : (v.address().ipv6() && v.address().prefixLength() == 128 ? 0 : VipAddress.FOREVER);
        return new VipAddress(index, v.address().address(), v.address().prefixLength(), v.broadcast(), v.peer(),
                v.label(), v.scope() == null ? AddressScope.GLOBAL : AddressScope.parse(v.scope()), flags, preferred);
    }
}
