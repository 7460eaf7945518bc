package org.keepalived4j.vrrp;

import java.io.IOException;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keepalived4j.linux.Sysctl;
import org.keepalived4j.vrrp.net.AddressChange;
import org.keepalived4j.vrrp.net.MacAddress;
import org.keepalived4j.vrrp.net.VipAddress;
import org.keepalived4j.vrrp.net.VipInstaller;
import org.keepalived4j.vrrp.packet.VrrpAddress;
import org.keepalived4j.vrrp.packet.VrrpChecksumMode;
import org.keepalived4j.vrrp.packet.VrrpCodec;
import org.keepalived4j.vrrp.packet.VrrpPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real {@link InstanceIo}: adverts through the shared raw sockets, addresses through
 * rtnetlink, announcements through the paced queue. Failures are logged, never thrown: an
 * instance goes on with its protocol whatever the kernel says. Loop thread only.
 */
final class NetworkIo implements InstanceIo {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkIo.class);

    private VrrpCodec codec;
    private final VipInstaller vips;
    private final AnnouncementQueue announcements;
    private final Sysctl sysctl;
    private final Map<VrrpInstance, InstanceBinding> bindings = new HashMap<>();
    private final Map<Integer, MacAddress> macs;
    private final Map<Integer, String> names;
    private final ByteBuffer out = ByteBuffer.allocate(2048);
    private final Map<VrrpInstance, VrrpPacket> lastAdvert = new HashMap<>();
    private final AddressPresence presence;

    NetworkIo(VrrpCodec codec, VipInstaller vips, AnnouncementQueue announcements, Sysctl sysctl,
            Map<Integer, MacAddress> macs, Map<Integer, String> names, AddressPresence presence) {
        this.codec = codec;
        this.presence = presence;
        this.vips = vips;
        this.announcements = announcements;
        this.sysctl = sysctl;
        this.macs = macs;
        this.names = names;
    }

    /** Encodes with {@code next} from now on (a reload changed {@code vrrp_mcast_group4}). */
    void codec(VrrpCodec next) {
        codec = next;
    }

    void bind(VrrpInstance instance, InstanceBinding binding) {
        bindings.put(instance, binding);
    }

    InstanceBinding unbind(VrrpInstance instance) {
        lastAdvert.remove(instance);
        return bindings.remove(instance);
    }

    InstanceBinding binding(VrrpInstance instance) {
        return bindings.get(instance);
    }

    @Override
    public void sendAdvert(VrrpInstance instance, int priority) {
        InstanceBinding b = bindings.get(instance);
        if (b == null) {
            return;
        }
        VrrpPacket packet = lastAdvert.get(instance);
        if (packet == null || packet.priority() != priority) {
            packet = InstanceBinding.advert(instance.config(), b.advertised(), priority);
            lastAdvert.put(instance, packet);
        }
        VrrpChecksumMode mode = instance.config().ipv6() ? VrrpChecksumMode.KERNEL
                : instance.oldUnicastChecksum() && instance.config().version() == 3
                        ? VrrpChecksumMode.OLD_UNICAST_CHECKSUM : VrrpChecksumMode.STANDARD;
        List<VrrpAddress> destinations = b.destinations();
        for (int i = 0; i < destinations.size(); i++) {
            VrrpAddress destination = destinations.get(i);
            out.clear();
            int length = codec.encode(packet, b.source(), destination, mode, out);
            try {
                b.socket().socket().send(out.array(), 0, length, b.destinationAddresses().get(i));
            } catch (IOException e) {
                LOG.warn("({}) advert to {} not sent: {}", instance.name(), destination, e.getMessage());
            }
        }
    }

    @Override
    public void installAddresses(VrrpInstance instance) {
        InstanceBinding b = bindings.get(instance);
        if (b == null) {
            return;
        }
        for (VipAddress vip : b.addresses()) {
            try {
                AddressChange change = vips.add(vip);
                presence.changed(vip, true);
                LOG.debug("({}) {} {}", instance.name(), change, vip.address().getHostAddress());
            } catch (IOException e) {
                LOG.error("({}) could not add {}/{}: {}", instance.name(), vip.address().getHostAddress(),
                        vip.prefixLength(), e.getMessage());
            }
        }
    }

    @Override
    public void removeAddresses(VrrpInstance instance) {
        InstanceBinding b = bindings.get(instance);
        if (b == null) {
            return;
        }
        for (VipAddress vip : b.addresses()) {
            announcements.cancel(vip.interfaceIndex(), vip.address());
            remove(instance.name(), vip);
        }
    }

    @Override
    public void removeStrayAddresses(VrrpInstance instance) {
        InstanceBinding b = bindings.get(instance);
        if (b == null) {
            return;
        }
        List<VipAddress> removed = new ArrayList<>();
        for (VipAddress vip : b.addresses()) {
            // an address owner's VIP is the interface's own address: never take it away
            if (vip.address().equals(b.sourceAddress())) {
                continue;
            }
            announcements.cancel(vip.interfaceIndex(), vip.address());
            if (remove(instance.name(), vip) == AddressChange.REMOVED) {
                removed.add(vip);
            }
        }
        if (!removed.isEmpty()) {
            LOG.info("({}) removing VIPs.", instance.name());
            for (VipAddress vip : removed) {
                LOG.info("({}) {}/{} was on {} while the instance is {} - removed", instance.name(),
                        vip.address().getHostAddress(), vip.prefixLength(), interfaceName(vip.interfaceIndex()),
                        instance.state());
            }
        }
    }

    @Override
    public boolean addressPresent(VrrpInstance instance, int index) {
        InstanceBinding b = bindings.get(instance);
        return b != null && index < b.addresses().size() && presence.contains(b.addresses().get(index));
    }

    /** Removes one address; {@code null} when the kernel refused. */
    private AddressChange remove(String instance, VipAddress vip) {
        try {
            AddressChange change = vips.remove(vip);
            presence.changed(vip, false);
            return change;
        } catch (IOException e) {
            LOG.warn("({}) could not remove {}/{}: {}", instance, vip.address().getHostAddress(),
                    vip.prefixLength(), e.getMessage());
            return null;
        }
    }

    private String interfaceName(int index) {
        String name = names.get(index);
        return name != null ? name : "interface #" + index;
    }

    /** Removes one address (a reload dropped it from a MASTER instance). */
    void removeOne(String instance, VipAddress vip) {
        announcements.cancel(vip.interfaceIndex(), vip.address());
        remove(instance, vip);
    }

    @Override
    public void announce(VrrpInstance instance, int repeat) {
        InstanceBinding b = bindings.get(instance);
        if (b == null) {
            return;
        }
        for (int i = 0; i < repeat; i++) {
            for (VipAddress vip : b.addresses()) {
                MacAddress mac = vip.interfaceIndex() == b.addressInterfaceIndex() ? b.mac()
                        : macs.get(vip.interfaceIndex());
                if (mac == null) {
                    continue;
                }
                announcements.add(vip.interfaceIndex(), mac, vip.address(),
                        vip.address() instanceof Inet6Address && forwarding(vip.interfaceIndex()));
            }
        }
    }

    /** keepalived sets the NA router flag when the interface forwards IPv6. */
    private boolean forwarding(int interfaceIndex) {
        String name = names.get(interfaceIndex);
        try {
            return name != null && sysctl.readOr("net/ipv6/conf/" + name + "/forwarding", 0) == 1;
        } catch (IOException e) {
            return false;
        }
    }
}
