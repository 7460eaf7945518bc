package org.keepalived4j.vrrp.net;

import java.net.Inet6Address;
import org.keepalived4j.linux.PacketSocket;
import org.keepalived4j.linux.SyscallException;

/**
 * {@link NeighborAdvertSender} that, like keepalived, writes the whole IPv6 packet itself and
 * sends it on an AF_PACKET/SOCK_DGRAM socket to 33:33:00:00:00:01. The source address is
 * therefore exactly the virtual address, whether or not it is installed yet, and the packet
 * does not depend on the kernel's source address selection. Single-threaded.
 */
public final class NativeNeighborAdvertSender implements NeighborAdvertSender {

    private final PacketSocket socket;
    private final byte[] frame = new byte[NeighborAdvertFrame.LENGTH];
    private final byte[] allNodes = NeighborAdvertFrame.ALL_NODES_MAC.bytes();

    private NativeNeighborAdvertSender(PacketSocket socket) {
        this.socket = socket;
    }

    /** Opens the sending socket. */
    public static NativeNeighborAdvertSender open() throws SyscallException {
        return new NativeNeighborAdvertSender(PacketSocket.openSender());
    }

    @Override
    public void send(int interfaceIndex, MacAddress senderMac, Inet6Address address, boolean router)
            throws SyscallException {
        NeighborAdvertFrame.write(frame, senderMac, address, router);
        socket.send(interfaceIndex, NeighborAdvertFrame.ETHERTYPE_IPV6, allNodes, frame, 0, frame.length);
    }

    @Override
    public void close() {
        socket.close();
    }
}
