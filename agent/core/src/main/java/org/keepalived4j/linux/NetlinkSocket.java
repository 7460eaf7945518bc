package org.keepalived4j.linux;

import static org.keepalived4j.linux.SocketConstants.*;

import com.sun.jna.Memory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A non-blocking netlink socket bound to a kernel-assigned port. Datagrams not sent by the
 * kernel (port 0) are discarded on receipt.
 *
 * <p>{@code struct sockaddr_nl} (12 bytes): family u16@0, pad@2, pid u32@4, groups u32@8.
 */
public final class NetlinkSocket extends NativeDescriptor implements NetlinkDatagrams {

    private static final int SOCKADDR_NL_SIZE = 12;
    private static final int RECEIVE_SIZE = 65536;
    private static final int SEND_SIZE = 16384;

    private final String name;
    private final Memory option = new Memory(16);
    private final Memory kernel = new Memory(SOCKADDR_NL_SIZE);
    private final Memory outgoing = new Memory(SEND_SIZE);
    private final MessageBuffers in = new MessageBuffers(RECEIVE_SIZE);
    private final PollSet waiter = new PollSet(1);
    private int portId;
    private int sequence;

    private NetlinkSocket(int fd, int protocol) {
        super(fd);
        this.name = "netlink(" + protocol + ")";
        kernel.clear();
        kernel.setShort(0, (short) AF_NETLINK);
        waiter.resize(1);
        waiter.set(0, fd);
        sequence = (int) (System.nanoTime() & 0x3fffffff);
    }

    /** Opens and binds a netlink socket for {@code protocol} (for example {@link Netlink#NETLINK_ROUTE}). */
    public static NetlinkSocket open(int protocol) throws SyscallException {
        int fd = check(LibC.socket(AF_NETLINK, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol),
                "socket(AF_NETLINK, " + protocol + ")");
        NetlinkSocket socket;
        try {
            socket = new NetlinkSocket(fd, protocol);
        } catch (RuntimeException | Error e) {
            closeQuietly(fd);
            throw e;
        }
        try {
            socket.bindToKernelPort();
            return socket;
        } catch (SyscallException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private void bindToKernelPort() throws SyscallException {
        Memory local = new Memory(SOCKADDR_NL_SIZE);
        try {
            local.clear();
            local.setShort(0, (short) AF_NETLINK);
            check(LibC.bind(fd(), local, SOCKADDR_NL_SIZE), "bind(" + name + ")");
            option.setInt(0, SOCKADDR_NL_SIZE);
            check(LibC.getsockname(fd(), local, option), "getsockname(" + name + ")");
            portId = local.getInt(4);
        } finally {
            local.close();
        }
    }

    /** The port id the kernel assigned to this socket. */
    public int portId() {
        return portId;
    }

    @Override
    public int nextSequence() {
        sequence = (sequence + 1) & 0x7fffffff;
        return sequence;
    }

    /** NETLINK_ADD_MEMBERSHIP: receive the multicast group {@code group} (an RTNLGRP_* number). */
    public void joinGroup(int group) throws SyscallException {
        option.setInt(0, group);
        check(LibC.setsockopt(fd(), SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, option, 4),
                "setsockopt(NETLINK_ADD_MEMBERSHIP " + group + ")");
    }

    /**
     * Asks for extended acknowledgements (the kernel's error text) and capped error echoes.
     * Kernels without them are accepted silently.
     */
    public void enableExtendedAck() throws SyscallException {
        for (int optionName : new int[] {NETLINK_EXT_ACK, NETLINK_CAP_ACK}) {
            option.setInt(0, 1);
            if (LibC.setsockopt(fd(), SOL_NETLINK, optionName, option, 4) < 0) {
                int errno = LibC.errno();
                if (errno != 92) { // ENOPROTOOPT: an older kernel
                    throw new SyscallException("setsockopt(NETLINK ack option " + optionName + ")", errno);
                }
            }
        }
    }

    /** SO_RCVBUFFORCE (needs CAP_NET_ADMIN), falling back to SO_RCVBUF. */
    public void setReceiveBufferSize(int bytes) throws SyscallException {
        setReceiveBuffer(option, bytes, true);
    }

    @Override
    public void send(ByteBuffer message) throws SyscallException {
        int length = message.remaining();
        if (length > SEND_SIZE) {
            throw new IllegalArgumentException("netlink message of " + length + " bytes is too long");
        }
        byte[] bytes = new byte[length];
        message.duplicate().get(bytes);
        outgoing.write(0, bytes, 0, length);
        check(LibC.sendto(fd(), outgoing, length, 0, kernel, SOCKADDR_NL_SIZE), "sendto(" + name + ")");
    }

    /**
     * Receives one datagram from the kernel if one is queued.
     *
     * @return a view of the datagram, valid until the next receive, or null when none is queued
     * @throws SyscallException ENOBUFS when the kernel dropped messages because the socket
     *     buffer was full
     */
    @Override
    public ByteBuffer receive() throws SyscallException {
        while (true) {
            in.prepareReceive();
            long received = LibC.recvmsg(fd(), in.header, 0);
            if (received < 0) {
                int errno = LibC.errno();
                if (errno == Errno.EAGAIN) {
                    return null;
                }
                if (errno != Errno.EINTR) {
                    throw new SyscallException("recvmsg(" + name + ")", errno);
                }
                continue;
            }
            if (in.name.getInt(4) != 0) {
                continue;
            }
            return in.data.getByteBuffer(0, received).order(ByteOrder.nativeOrder());
        }
    }

    @Override
    public boolean awaitReadable(long timeoutNanos) throws SyscallException {
        return waiter.poll(Math.max(0, timeoutNanos)) > 0 && waiter.readyEvents(0) != 0;
    }

    @Override
    protected void releaseResources() {
        option.close();
        kernel.close();
        outgoing.close();
        in.close();
        waiter.close();
    }
}
