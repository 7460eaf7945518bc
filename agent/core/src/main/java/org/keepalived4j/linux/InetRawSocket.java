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

    private static final int DATA_SIZE = 65536;
    private static final int IN_PKTINFO_SIZE = 12;
    private static final int IN6_PKTINFO_SIZE = 20;

    private final boolean ipv6;
    private final int level;
    private final Memory option = new Memory(32);
    private final MessageBuffers out = new MessageBuffers(DATA_SIZE);
    private final MessageBuffers in = new MessageBuffers(DATA_SIZE);

    private InetAddress sentTo;
    private int sentToScope;
    private int sentToLength;
    private InetAddress sentFrom;
    private int sentFromIfIndex;
    private int sentFromControlLength;

    private final byte[] lastSource = new byte[16];
    private final byte[] lastDestination = new byte[16];
    private int lastSourceLength;
    private int lastDestinationLength;
    private int lastHopLimit;
    private int lastInterfaceIndex;
    private boolean lastTruncated;

    private InetRawSocket(int fd, boolean ipv6) {
        super(fd);
        this.ipv6 = ipv6;
        this.level = ipv6 ? SOL_IPV6 : SOL_IP;
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

    /** SO_RCVBUF. */
    public void setReceiveBufferSize(int bytes) throws SyscallException {
        setInt(SOL_SOCKET, SO_RCVBUF, bytes, "SO_RCVBUF");
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
        if (length > out.dataSize()) {
            throw new IllegalArgumentException("datagram of " + length + " bytes is too long");
        }
        requireFamily(destination);
        if (!destination.equals(sentTo) || scopeId != sentToScope) {
            sentToLength = SocketAddresses.write(out.name, 0, destination, scopeId);
            sentTo = destination;
            sentToScope = scopeId;
        }
        if (source == null) {
            sentFrom = null;
            sentFromControlLength = 0;
        } else if (!source.equals(sentFrom) || sourceIfIndex != sentFromIfIndex) {
            requireFamily(source);
            sentFromControlLength = writePacketInfo(source, sourceIfIndex);
            sentFrom = source;
            sentFromIfIndex = sourceIfIndex;
        }
        out.data.write(0, data, offset, length);
        out.prepareSend(length, sentToLength, sentFromControlLength);
        long sent = LibC.sendmsg(fd(), out.header, 0);
        if (sent < 0) {
            throw SyscallException.lastError("sendmsg(to " + destination.getHostAddress() + ")");
        }
        return (int) sent;
    }

    /**
     * Receives one datagram if one is queued, copying at most {@code capacity} bytes.
     *
     * @return the number of bytes copied, or -1 when nothing is queued
     */
    public int receive(byte[] target, int offset, int capacity) throws SyscallException {
        in.prepareReceive();
        long received = LibC.recvmsg(fd(), in.header, 0);
        if (received < 0) {
            int errno = LibC.errno();
            if (errno == Errno.EAGAIN || errno == Errno.EINTR) {
                return -1;
            }
            throw new SyscallException("recvmsg", errno);
        }
        int length = (int) Math.min(received, capacity);
        in.data.read(0, target, offset, length);
        lastTruncated = received > capacity || (in.receivedFlags() & MSG_TRUNC) != 0;
        lastSourceLength = in.receivedNameLength() > 0
                ? SocketAddresses.readAddress(in.name, 0, lastSource) : 0;
        readControlMessages();
        return length;
    }

    /** Copies the source address of the last datagram into {@code target}; returns 4 or 16. */
    public int lastSource(byte[] target) {
        System.arraycopy(lastSource, 0, target, 0, lastSourceLength);
        return lastSourceLength;
    }

    /**
     * Copies the destination address of the last datagram (from packet info) into
     * {@code target}; returns 4, 16, or 0 when packet info is off.
     */
    public int lastDestination(byte[] target) {
        System.arraycopy(lastDestination, 0, target, 0, lastDestinationLength);
        return lastDestinationLength;
    }

    /** IPv6 hop limit of the last datagram, or -1 when not reported. */
    public int lastHopLimit() {
        return lastHopLimit;
    }

    /** Interface index the last datagram arrived on, or 0 when packet info is off. */
    public int lastInterfaceIndex() {
        return lastInterfaceIndex;
    }

    /** Whether the last datagram was longer than the buffer it was copied into. */
    public boolean lastTruncated() {
        return lastTruncated;
    }

    private void readControlMessages() {
        lastHopLimit = -1;
        lastInterfaceIndex = 0;
        lastDestinationLength = 0;
        long end = in.receivedControlLength();
        long offset = 0;
        while (offset + MessageBuffers.CMSG_HEADER <= end) {
            long length = in.control.getLong(offset);
            if (length < MessageBuffers.CMSG_HEADER || offset + length > end) {
                return;
            }
            readControlMessage(in.control.getInt(offset + 8), in.control.getInt(offset + 12),
                    offset + MessageBuffers.CMSG_HEADER);
            offset += (length + 7) & ~7L;
        }
    }

    private void readControlMessage(int cmsgLevel, int type, long data) {
        if (cmsgLevel == SOL_IP && type == IP_PKTINFO) {
            lastInterfaceIndex = in.control.getInt(data);
            in.control.read(data + 8, lastDestination, 0, 4);
            lastDestinationLength = 4;
        } else if (cmsgLevel == SOL_IPV6 && type == IPV6_PKTINFO) {
            in.control.read(data, lastDestination, 0, 16);
            lastDestinationLength = 16;
            lastInterfaceIndex = in.control.getInt(data + 16);
        } else if (cmsgLevel == SOL_IPV6 && type == IPV6_HOPLIMIT) {
            lastHopLimit = in.control.getInt(data);
        }
    }

    private int writePacketInfo(InetAddress source, int ifIndex) {
        out.control.clear();
        if (ipv6) {
            long data = out.putControlHeader(0, SOL_IPV6, IPV6_PKTINFO, IN6_PKTINFO_SIZE);
            out.control.write(data, source.getAddress(), 0, 16);
            out.control.setInt(data + 16, ifIndex);
            return MessageBuffers.controlSpace(IN6_PKTINFO_SIZE);
        }
        long data = out.putControlHeader(0, SOL_IP, IP_PKTINFO, IN_PKTINFO_SIZE);
        out.control.setInt(data, ifIndex);
        out.control.write(data + 4, source.getAddress(), 0, 4);
        return MessageBuffers.controlSpace(IN_PKTINFO_SIZE);
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
        out.close();
        in.close();
    }
}
