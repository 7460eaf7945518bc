package org.keepalived4j.linux;

import static org.keepalived4j.linux.SocketConstants.*;

import java.net.InetAddress;

/**
 * sendmsg/recvmsg of one raw IP socket on reused native buffers: the destination address and
 * the packet-info control message are rewritten only when they change, and what recvmsg
 * reports (source, packet info, hop limit) is kept for the {@code last*} accessors.
 */
final class InetDatagramIo implements AutoCloseable {

    private static final int DATA_SIZE = 65536;
    private static final int IN_PKTINFO_SIZE = 12;
    private static final int IN6_PKTINFO_SIZE = 20;

    private final boolean ipv6;
    private final MessageBuffers out = new MessageBuffers(DATA_SIZE);
    private final MessageBuffers in = new MessageBuffers(DATA_SIZE);

    private InetAddress sentTo;
    private int sentToScope;
    private int sentToLength;
    private InetAddress sentFrom;
    private int sentFromIfIndex;
    private int sentFromControlLength;

    final byte[] lastSource = new byte[16];
    final byte[] lastDestination = new byte[16];
    int lastSourceLength;
    int lastDestinationLength;
    int lastHopLimit;
    int lastInterfaceIndex;
    boolean lastTruncated;

    InetDatagramIo(boolean ipv6) {
        this.ipv6 = ipv6;
    }

    int send(int fd, byte[] data, int offset, int length, InetAddress destination, int scopeId,
            InetAddress source, int sourceIfIndex) throws SyscallException {
        if (length > out.dataSize()) {
            throw new IllegalArgumentException("datagram of " + length + " bytes is too long");
        }
        if (!destination.equals(sentTo) || scopeId != sentToScope) {
            sentToLength = SocketAddresses.write(out.name, 0, destination, scopeId);
            sentTo = destination;
            sentToScope = scopeId;
        }
        if (source == null) {
            sentFrom = null;
            sentFromControlLength = 0;
        } else if (!source.equals(sentFrom) || sourceIfIndex != sentFromIfIndex) {
            sentFromControlLength = writePacketInfo(source, sourceIfIndex);
            sentFrom = source;
            sentFromIfIndex = sourceIfIndex;
        }
        out.data.write(0, data, offset, length);
        out.prepareSend(length, sentToLength, sentFromControlLength);
        long sent = LibC.sendmsg(fd, out.header, 0);
        if (sent < 0) {
            throw SyscallException.lastError("sendmsg(to " + destination.getHostAddress() + ")");
        }
        return (int) sent;
    }

    int receive(int fd, byte[] target, int offset, int capacity) throws SyscallException {
        in.prepareReceive();
        long received = LibC.recvmsg(fd, in.header, 0);
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

    private void readControlMessage(int level, int type, long data) {
        if (level == SOL_IP && type == IP_PKTINFO) {
            lastInterfaceIndex = in.control.getInt(data);
            in.control.read(data + 8, lastDestination, 0, 4);
            lastDestinationLength = 4;
        } else if (level == SOL_IPV6 && type == IPV6_PKTINFO) {
            in.control.read(data, lastDestination, 0, 16);
            lastDestinationLength = 16;
            lastInterfaceIndex = in.control.getInt(data + 16);
        } else if (level == SOL_IPV6 && type == IPV6_HOPLIMIT) {
            lastHopLimit = in.control.getInt(data);
        }
    }

    /** IP_PKTINFO (ifindex, spec_dst = source, addr) / IPV6_PKTINFO (addr = source, ifindex). */
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

    @Override
    public void close() {
        out.close();
        in.close();
    }
}
