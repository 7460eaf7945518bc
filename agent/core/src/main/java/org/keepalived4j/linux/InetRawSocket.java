package org.keepalived4j.linux;

import static org.keepalived4j.linux.SocketConstants.*;

import com.sun.jna.Memory;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * A non-blocking raw IPv4 or IPv6 socket for one IP protocol, with typed socket options and
 * allocation-free {@link #send} / {@link #receive}.
 *
 * <p>IPv4 sockets are opened without {@code IP_HDRINCL}: the kernel writes the IP header on
 * send, and received packets start with the IPv4 header. IPv6 raw sockets never see the IPv6
 * header; its destination address and hop limit come from ancillary data once
 * {@link #enablePacketInfo()} and {@link #enableHopLimit()} are set.
 *
 * <p>After a successful {@link #receive}, the {@code last*} accessors describe that datagram
 * until the next receive. Not thread-safe.
 */
public final class InetRawSocket extends NativeDescriptor {

    private final boolean ipv6;
    private final int level;
    private final Memory option = new Memory(32);
    private final InetDatagramIo io;

    private InetRawSocket(int fd, boolean ipv6) {
        super(fd);
        this.ipv6 = ipv6;
        this.level = ipv6 ? SOL_IPV6 : SOL_IP;
        this.io = new InetDatagramIo(ipv6);
    }

    /** Opens a non-blocking, close-on-exec raw socket for IP protocol {@code protocol}. */
    public static InetRawSocket open(boolean ipv6, int protocol) throws SyscallException {
        String call = "socket(" + (ipv6 ? "AF_INET6" : "AF_INET") + ", SOCK_RAW, " + protocol + ")";
        int fd = check(LibC.socket(ipv6 ? AF_INET6 : AF_INET,
                SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol), call);
        try {
            return new InetRawSocket(fd, ipv6);
        } catch (RuntimeException | Error e) {
            closeQuietly(fd);
            throw e;
        }
    }

    /** Whether this is an IPv6 socket. */
    public boolean isIpv6() {
        return ipv6;
    }

    /** SO_BINDTODEVICE: send and receive only through interface {@code name}. */
    public void bindToDevice(String name) throws SyscallException {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length >= 16) {
            throw new IllegalArgumentException("interface name too long: " + name);
        }
        option.clear();
        option.write(0, bytes, 0, bytes.length);
        setOption(SOL_SOCKET, SO_BINDTODEVICE, bytes.length + 1, "SO_BINDTODEVICE");
    }

    /** bind(): {@code local} becomes the source address of sends and the only accepted destination. */
    public void bind(InetAddress local, int scopeId) throws SyscallException {
        requireFamily(local);
        int length = SocketAddresses.write(option, 0, local, scopeId);
        check(LibC.bind(fd(), option, length), "bind(" + local.getHostAddress() + ")");
    }

    /** IP_TOS / IPV6_TCLASS. */
    public void setTrafficClass(int value) throws SyscallException {
        setInt(level, ipv6 ? IPV6_TCLASS : IP_TOS, value, ipv6 ? "IPV6_TCLASS" : "IP_TOS");
    }

    /** IP_TTL / IPV6_UNICAST_HOPS: hop limit of unicast sends. */
    public void setUnicastHops(int hops) throws SyscallException {
        setInt(level, ipv6 ? IPV6_UNICAST_HOPS : IP_TTL, hops, ipv6 ? "IPV6_UNICAST_HOPS" : "IP_TTL");
    }

    /** IP_MULTICAST_TTL / IPV6_MULTICAST_HOPS: hop limit of multicast sends. */
    public void setMulticastHops(int hops) throws SyscallException {
        setInt(level, ipv6 ? IPV6_MULTICAST_HOPS : IP_MULTICAST_TTL, hops,
                ipv6 ? "IPV6_MULTICAST_HOPS" : "IP_MULTICAST_TTL");
    }

    /** IP_MULTICAST_LOOP / IPV6_MULTICAST_LOOP: whether our own multicast comes back to local sockets. */
    public void setMulticastLoop(boolean loop) throws SyscallException {
        setInt(level, ipv6 ? IPV6_MULTICAST_LOOP : IP_MULTICAST_LOOP, loop ? 1 : 0,
                ipv6 ? "IPV6_MULTICAST_LOOP" : "IP_MULTICAST_LOOP");
    }

    /**
     * IP_MULTICAST_ALL / IPV6_MULTICAST_ALL: when false, only groups this socket joined are
     * delivered to it, not groups joined by other sockets on the host.
     */
    public void setMulticastAll(boolean all) throws SyscallException {
        setInt(level, ipv6 ? IPV6_MULTICAST_ALL : IP_MULTICAST_ALL, all ? 1 : 0,
                ipv6 ? "IPV6_MULTICAST_ALL" : "IP_MULTICAST_ALL");
    }

    /** IP_MULTICAST_IF / IPV6_MULTICAST_IF: the interface multicast is sent through. */
    public void setMulticastInterface(int ifIndex) throws SyscallException {
        if (ipv6) {
            setInt(SOL_IPV6, IPV6_MULTICAST_IF, ifIndex, "IPV6_MULTICAST_IF");
            return;
        }
        option.clear();
        option.setInt(8, ifIndex);
        setOption(SOL_IP, IP_MULTICAST_IF, 12, "IP_MULTICAST_IF");
    }

    /** IP_ADD_MEMBERSHIP (with ip_mreqn) / IPV6_ADD_MEMBERSHIP on interface {@code ifIndex}. */
    public void joinGroup(InetAddress group, int ifIndex) throws SyscallException {
        membership(group, ifIndex, true);
    }

    /** IP_DROP_MEMBERSHIP / IPV6_DROP_MEMBERSHIP. */
    public void leaveGroup(InetAddress group, int ifIndex) throws SyscallException {
        membership(group, ifIndex, false);
    }

    /** IP_MTU_DISCOVER = IP_PMTUDISC_DONT (IPv4 only): sends carry no DF bit. */
    public void disablePathMtuDiscovery() throws SyscallException {
        if (!ipv6) {
            setInt(SOL_IP, IP_MTU_DISCOVER, IP_PMTUDISC_DONT, "IP_MTU_DISCOVER");
        }
    }

    /**
     * IPV6_CHECKSUM: the kernel computes the checksum (with the IPv6 pseudo-header) at
     * {@code offset} of every send and verifies it on receipt, dropping bad packets.
     */
    public void setChecksumOffset(int offset) throws SyscallException {
        requireIpv6("IPV6_CHECKSUM");
        setInt(SOL_IPV6, IPV6_CHECKSUM, offset, "IPV6_CHECKSUM");
    }

    /** IP_PKTINFO / IPV6_RECVPKTINFO: report destination address and interface of each receive. */
    public void enablePacketInfo() throws SyscallException {
        setInt(level, ipv6 ? IPV6_RECVPKTINFO : IP_PKTINFO, 1, ipv6 ? "IPV6_RECVPKTINFO" : "IP_PKTINFO");
    }

    /** IPV6_RECVHOPLIMIT (IPv6 only; an IPv4 packet carries its TTL in the header it comes with). */
    public void enableHopLimit() throws SyscallException {
        requireIpv6("IPV6_RECVHOPLIMIT");
        setInt(SOL_IPV6, IPV6_RECVHOPLIMIT, 1, "IPV6_RECVHOPLIMIT");
    }

    /** SO_RCVBUF, or SO_RCVBUFFORCE first with {@code force}: see {@link #setReceiveBuffer}. */
    public void setReceiveBufferSize(int bytes, boolean force) throws SyscallException {
        setReceiveBuffer(option, bytes, force);
    }

    /** The receive buffer the kernel allows the socket, in bytes (SO_RCVBUF as getsockopt reports it). */
    public int receiveBufferSize() throws SyscallException {
        option.setInt(0, 0);
        option.setInt(8, 4);
        check(LibC.getsockopt(fd(), SOL_SOCKET, SO_RCVBUF, option, option.share(8)), "getsockopt(SO_RCVBUF)");
        return option.getInt(0);
    }

    /**
     * Sends one datagram (the payload after the IP header) with sendmsg.
     *
     * @param destination unicast or multicast destination
     * @param scopeId IPv6 scope (interface index) for link-local destinations, else 0
     * @param source when not null, the source address, passed as IP_PKTINFO / IPV6_PKTINFO
     * @param sourceIfIndex interface for the packet-info message (0 = leave to routing)
     * @return the number of bytes sent
     */
    public int send(byte[] data, int offset, int length, InetAddress destination, int scopeId,
            InetAddress source, int sourceIfIndex) throws SyscallException {
        requireFamily(destination);
        if (source != null) {
            requireFamily(source);
        }
        return io.send(fd(), data, offset, length, destination, scopeId, source, sourceIfIndex);
    }

    /**
     * Receives one datagram if one is queued, copying at most {@code capacity} bytes.
     *
     * @return the number of bytes copied, or -1 when nothing is queued
     */
    public int receive(byte[] target, int offset, int capacity) throws SyscallException {
        return io.receive(fd(), target, offset, capacity);
    }

    /** Copies the source address of the last datagram into {@code target}; returns 4 or 16. */
    public int lastSource(byte[] target) {
        System.arraycopy(io.lastSource, 0, target, 0, io.lastSourceLength);
        return io.lastSourceLength;
    }

    /**
     * Copies the destination address of the last datagram (from packet info) into
     * {@code target}; returns 4, 16, or 0 when packet info is off.
     */
    public int lastDestination(byte[] target) {
        System.arraycopy(io.lastDestination, 0, target, 0, io.lastDestinationLength);
        return io.lastDestinationLength;
    }

    /** IPv6 hop limit of the last datagram, or -1 when not reported. */
    public int lastHopLimit() {
        return io.lastHopLimit;
    }

    /** Interface index the last datagram arrived on, or 0 when packet info is off. */
    public int lastInterfaceIndex() {
        return io.lastInterfaceIndex;
    }

    /** Whether the last datagram was longer than the buffer it was copied into. */
    public boolean lastTruncated() {
        return io.lastTruncated;
    }

    private void membership(InetAddress group, int ifIndex, boolean join) throws SyscallException {
        requireFamily(group);
        if (ipv6) {
            SocketAddresses.writeIpv6MembershipRequest(option, (Inet6Address) group, ifIndex);
            setOption(SOL_IPV6, join ? IPV6_ADD_MEMBERSHIP : IPV6_DROP_MEMBERSHIP, 20,
                    (join ? "IPV6_ADD_MEMBERSHIP " : "IPV6_DROP_MEMBERSHIP ") + group.getHostAddress());
        } else {
            SocketAddresses.writeIpv4MembershipRequest(option, (Inet4Address) group, ifIndex);
            setOption(SOL_IP, join ? IP_ADD_MEMBERSHIP : IP_DROP_MEMBERSHIP, 12,
                    (join ? "IP_ADD_MEMBERSHIP " : "IP_DROP_MEMBERSHIP ") + group.getHostAddress());
        }
    }

    private void setInt(int optionLevel, int name, int value, String label) throws SyscallException {
        option.setInt(0, value);
        setOption(optionLevel, name, 4, label);
    }

    private void setOption(int optionLevel, int name, int length, String label) throws SyscallException {
        check(LibC.setsockopt(fd(), optionLevel, name, option, length), "setsockopt(" + label + ")");
    }

    private void requireFamily(InetAddress address) {
        if ((address instanceof Inet6Address) != ipv6) {
            throw new IllegalArgumentException(address.getHostAddress() + " does not match this "
                    + (ipv6 ? "IPv6" : "IPv4") + " socket");
        }
    }

    private void requireIpv6(String what) {
        if (!ipv6) {
            throw new IllegalStateException(what + " applies to IPv6 sockets only");
        }
    }

    @Override
    protected void releaseResources() {
        option.close();
        io.close();
    }
}
