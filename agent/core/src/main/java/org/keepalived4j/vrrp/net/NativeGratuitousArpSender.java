package org.keepalived4j.vrrp.net;

import java.net.Inet4Address;
import org.keepalived4j.linux.PacketSocket;
import org.keepalived4j.linux.SyscallException;

/**
 * {@link GratuitousArpSender} on one AF_PACKET/SOCK_DGRAM socket shared by all interfaces; the
 * kernel adds the Ethernet header (destination broadcast, source the interface's MAC).
 * Single-threaded: the frame buffer is reused.
 */
public final class NativeGratuitousArpSender implements GratuitousArpSender {

    private final PacketSocket socket;
    private final byte[] frame = new byte[GratuitousArpFrame.LENGTH];
    private final byte[] broadcast = MacAddress.BROADCAST.bytes();

    private NativeGratuitousArpSender(PacketSocket socket) {
        this.socket = socket;
    }

    /** Opens the sending socket. */
    public static NativeGratuitousArpSender open() throws SyscallException {
        return new NativeGratuitousArpSender(PacketSocket.openSender());
    }

    @Override
    public void send(int interfaceIndex, MacAddress senderMac, Inet4Address address) throws SyscallException {
        GratuitousArpFrame.write(frame, senderMac, address);
        socket.send(interfaceIndex, GratuitousArpFrame.ETHERTYPE_ARP, broadcast, frame, 0, frame.length);
    }

    @Override
    public void close() {
        socket.close();
    }
}
