package org.keepalived4j.vrrp.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.keepalived4j.linux.InetRawSocket;
import org.keepalived4j.linux.SyscallException;

/**
 * {@link RawVrrpSocket} on a raw IP socket for protocol 112 (or 51 with {@code auth_type AH}), set up the way keepalived sets up its VRRP
 * sockets: bound to the interface, traffic class 0xc0 (internetwork control), multicast hop
 * limit 255 and no multicast loopback, multicast limited to the joined group
 * (IP_MULTICAST_ALL off), no DF bit on IPv4, and for IPv6 the checksum at offset 6 computed
 * by the kernel. The source address goes with each send as IP_PKTINFO / IPV6_PKTINFO.
 */
public final class NativeRawVrrpSocket implements RawVrrpSocket {

    private static final int TRAFFIC_CLASS_INTERNETWORK_CONTROL = 0xc0;
    private static final int VRRP_CHECKSUM_OFFSET = 6;
    private static final int MULTICAST_HOPS = 255;

    private final InetRawSocket socket;
    private final VrrpSocketOptions options;
    private final byte[] source = new byte[16];
    private final byte[] destination = new byte[16];
    private InetAddress joined;

    private NativeRawVrrpSocket(InetRawSocket socket, VrrpSocketOptions options) {
        this.socket = socket;
        this.options = options;
    }

    /** Opens and configures a socket; the descriptor is closed again if any step fails. */
    public static NativeRawVrrpSocket open(VrrpSocketOptions options) throws SyscallException {
        InetRawSocket socket = InetRawSocket.open(options.ipv6(), options.ipProtocol());
        NativeRawVrrpSocket vrrp = new NativeRawVrrpSocket(socket, options);
        try {
            vrrp.configure();
            return vrrp;
        } catch (SyscallException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private void configure() throws SyscallException {
        socket.bindToDevice(options.interfaceName());
        socket.setTrafficClass(TRAFFIC_CLASS_INTERNETWORK_CONTROL);
        socket.enablePacketInfo();
        if (options.ipv6()) {
            socket.setChecksumOffset(VRRP_CHECKSUM_OFFSET);
            socket.enableHopLimit();
        } else {
            socket.disablePathMtuDiscovery();
        }
        socket.setMulticastHops(MULTICAST_HOPS);
        socket.setMulticastLoop(false);
        socket.setMulticastAll(false);
        socket.setUnicastHops(options.unicastHops());
        if (options.isMulticast()) {
            socket.setMulticastInterface(options.interfaceIndex());
            joinGroup(options.multicastGroup());
        } else if (options.sourceAddress() != null) {
            socket.bind(options.sourceAddress(), scopeOf(options.sourceAddress()));
        }
    }

    @Override
    public int fd() {
        return socket.fd();
    }

    @Override
    public VrrpSocketOptions options() {
        return options;
    }

    @Override
    public void setReceiveBuffer(int bytes, boolean force) throws SyscallException {
        socket.setReceiveBufferSize(bytes, force);
    }

    @Override
    public int receiveBuffer() throws SyscallException {
        return socket.receiveBufferSize();
    }

    @Override
    public void joinGroup(InetAddress group) throws SyscallException {
        socket.joinGroup(group, options.interfaceIndex());
        joined = group;
    }

    @Override
    public void leaveGroup(InetAddress group) throws SyscallException {
        socket.leaveGroup(group, options.interfaceIndex());
        if (group.equals(joined)) {
            joined = null;
        }
    }

    @Override
    public void send(byte[] message, int offset, int length, InetAddress destinationAddress)
            throws SyscallException {
        socket.send(message, offset, length, destinationAddress, scopeOf(destinationAddress),
                options.sourceAddress(), options.interfaceIndex());
    }

    @Override
    public boolean receive(byte[] buffer, int offset, int capacity, ReceivedVrrpPacket into)
            throws SyscallException {
        int length = socket.receive(buffer, offset, capacity);
        if (length < 0) {
            return false;
        }
        socket.lastSource(source);
        if (options.ipv6()) {
            socket.lastDestination(destination);
            into.set(true, length, 0, source, destination, socket.lastHopLimit(),
                    socket.lastInterfaceIndex(), socket.lastTruncated());
            return true;
        }
        int headerLength = length > 0 ? (buffer[offset] & 0x0f) * 4 : 0;
        int ttl = length >= 20 ? buffer[offset + 8] & 0xff : -1;
        if (length >= 20) {
            System.arraycopy(buffer, offset + 16, destination, 0, 4);
        } else {
            socket.lastDestination(destination);
        }
        into.set(false, length, Math.min(headerLength, length), source, destination, ttl,
                socket.lastInterfaceIndex(), socket.lastTruncated());
        return true;
    }

    @Override
    public void close() {
        if (joined != null && socket.isOpen()) {
            try {
                socket.leaveGroup(joined, options.interfaceIndex());
            } catch (SyscallException e) {
                // the interface may be gone already; closing the socket drops the membership anyway
            }
        }
        socket.close();
    }

    private int scopeOf(InetAddress address) {
        return address instanceof Inet6Address && (address.isLinkLocalAddress()
                || address.isMulticastAddress()) ? options.interfaceIndex() : 0;
    }

    /** Family, interface and mode, for log messages. */
    @Override
    public String toString() {
        return "RawVrrpSocket[" + (options.ipv6() ? "IPv6 " : "IPv4 ") + options.interfaceName()
                + (options.isMulticast() ? " multicast " + options.multicastGroup().getHostAddress()
                        : " unicast") + "]";
    }
}
