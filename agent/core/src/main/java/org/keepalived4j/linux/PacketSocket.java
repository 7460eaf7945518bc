package org.keepalived4j.linux;

import static org.keepalived4j.linux.SocketConstants.*;

import com.sun.jna.Memory;

/**
 * A non-blocking AF_PACKET/SOCK_DGRAM socket: link-layer frames whose Ethernet header the
 * kernel writes (source MAC = the sending interface's address) and strips on receipt.
 *
 * <p>{@code struct sockaddr_ll} (20 bytes): family@0, protocol@2 (network order),
 * ifindex@4, hatype@8, pkttype@10, halen@11, addr@12 (8 bytes).
 */
public final class PacketSocket extends NativeDescriptor {

    private static final int SOCKADDR_LL_SIZE = 20;
    private static final int FRAME_SIZE = 9216;

    private final Memory address = new Memory(SOCKADDR_LL_SIZE);
    private final MessageBuffers in = new MessageBuffers(FRAME_SIZE);
    private final Memory frame = new Memory(FRAME_SIZE);
    private final byte[] lastSourceMac = new byte[8];
    private int lastSourceMacLength;
    private int lastInterfaceIndex;
    private int lastPacketType;

    private PacketSocket(int fd) {
        super(fd);
    }

    /** A socket that only sends (protocol 0: nothing is queued for reception). */
    public static PacketSocket openSender() throws SyscallException {
        return create(0);
    }

    /**
     * A socket that receives frames of {@code etherType} arriving on interface {@code ifIndex}
     * (0 = every interface).
     */
    public static PacketSocket openReceiver(int etherType, int ifIndex) throws SyscallException {
        PacketSocket socket = create(Short.toUnsignedInt(Short.reverseBytes((short) etherType)));
        try {
            socket.fillAddress(ifIndex, etherType, null);
            check(LibC.bind(socket.fd(), socket.address, SOCKADDR_LL_SIZE),
                    "bind(AF_PACKET, ifindex " + ifIndex + ")");
            return socket;
        } catch (SyscallException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static PacketSocket create(int protocol) throws SyscallException {
        int fd = check(LibC.socket(AF_PACKET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol),
                "socket(AF_PACKET, SOCK_DGRAM)");
        try {
            return new PacketSocket(fd);
        } catch (RuntimeException | Error e) {
            closeQuietly(fd);
            throw e;
        }
    }

    /**
     * Sends one frame payload of type {@code etherType} out of interface {@code ifIndex} to the
     * link-layer address {@code destinationMac}.
     */
    public void send(int ifIndex, int etherType, byte[] destinationMac, byte[] data, int offset,
            int length) throws SyscallException {
        if (length > FRAME_SIZE) {
            throw new IllegalArgumentException("frame of " + length + " bytes is too long");
        }
        fillAddress(ifIndex, etherType, destinationMac);
        frame.write(0, data, offset, length);
        if (LibC.sendto(fd(), frame, length, 0, address, SOCKADDR_LL_SIZE) < 0) {
            throw SyscallException.lastError("sendto(AF_PACKET, ifindex " + ifIndex + ")");
        }
    }

    /**
     * Receives one frame payload if one is queued.
     *
     * @return bytes copied, or -1 when nothing is queued
     */
    public int receive(byte[] target, int offset, int capacity) throws SyscallException {
        in.prepareReceive();
        long received = LibC.recvmsg(fd(), in.header, 0);
        if (received < 0) {
            int errno = LibC.errno();
            if (errno == Errno.EAGAIN || errno == Errno.EINTR) {
                return -1;
            }
            throw new SyscallException("recvmsg(AF_PACKET)", errno);
        }
        int length = (int) Math.min(received, capacity);
        in.data.read(0, target, offset, length);
        lastInterfaceIndex = in.name.getInt(4);
        lastPacketType = in.name.getByte(10) & 0xff;
        lastSourceMacLength = Math.min(8, in.name.getByte(11) & 0xff);
        in.name.read(12, lastSourceMac, 0, lastSourceMacLength);
        return length;
    }

    /** Copies the sender's link-layer address of the last frame; returns its length. */
    public int lastSourceMac(byte[] target) {
        System.arraycopy(lastSourceMac, 0, target, 0, lastSourceMacLength);
        return lastSourceMacLength;
    }

    /** Interface the last frame arrived on. */
    public int lastInterfaceIndex() {
        return lastInterfaceIndex;
    }

    /** PACKET_HOST (0), PACKET_BROADCAST (1), PACKET_MULTICAST (2), PACKET_OTHERHOST (3) ... */
    public int lastPacketType() {
        return lastPacketType;
    }

    private void fillAddress(int ifIndex, int etherType, byte[] mac) {
        address.clear();
        address.setShort(0, (short) AF_PACKET);
        address.setByte(2, (byte) (etherType >>> 8));
        address.setByte(3, (byte) etherType);
        address.setInt(4, ifIndex);
        if (mac != null) {
            address.setByte(11, (byte) mac.length);
            address.write(12, mac, 0, mac.length);
        }
    }

    @Override
    protected void releaseResources() {
        address.close();
        in.close();
        frame.close();
    }
}
