package org.keepalived4j.vrrp.net;

import static org.keepalived4j.linux.Rtnetlink.*;

import java.nio.ByteBuffer;
import org.keepalived4j.linux.Errno;
import org.keepalived4j.linux.Netlink;
import org.keepalived4j.linux.NetlinkMessage;
import org.keepalived4j.linux.NetlinkMessageWriter;
import org.keepalived4j.linux.NetlinkMessages;
import org.keepalived4j.linux.NetlinkSocket;
import org.keepalived4j.linux.SyscallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LinkMonitor} on a NETLINK_ROUTE socket subscribed to RTNLGRP_LINK and, optionally,
 * the IPv4 and IPv6 address groups. Dumps (links, then addresses) run on the same socket, one
 * at a time. Single-threaded: call it from the polling thread.
 */
public final class NetlinkLinkMonitor implements LinkMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(NetlinkLinkMonitor.class);
    private static final int RECEIVE_BUFFER = 1 << 20;

    private enum Stage { IDLE, LINKS, ADDRESSES }

    private final NetlinkSocket socket;
    private final NetworkEventListener listener;
    private final boolean addresses;
    private final NetlinkMessageWriter writer = new NetlinkMessageWriter(64);
    private Stage stage = Stage.IDLE;
    private int dumpSequence;
    private boolean dumpAgain;

    private NetlinkLinkMonitor(NetlinkSocket socket, NetworkEventListener listener, boolean addresses) {
        this.socket = socket;
        this.listener = listener;
        this.addresses = addresses;
    }

    /**
     * Opens the socket, subscribes and requests the initial dump.
     *
     * @param watchAddresses whether to report address changes too
     */
    public static NetlinkLinkMonitor open(NetworkEventListener listener, boolean watchAddresses)
            throws SyscallException {
        return open(listener, watchAddresses, RECEIVE_BUFFER);
    }

    static NetlinkLinkMonitor open(NetworkEventListener listener, boolean watchAddresses, int receiveBuffer)
            throws SyscallException {
        NetlinkSocket socket = NetlinkSocket.open(Netlink.NETLINK_ROUTE);
        try {
            socket.setReceiveBufferSize(receiveBuffer);
            socket.joinGroup(RTNLGRP_LINK);
            if (watchAddresses) {
                socket.joinGroup(RTNLGRP_IPV4_IFADDR);
                socket.joinGroup(RTNLGRP_IPV6_IFADDR);
            }
            NetlinkLinkMonitor monitor = new NetlinkLinkMonitor(socket, listener, watchAddresses);
            monitor.requestDump();
            return monitor;
        } catch (SyscallException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public int fd() {
        return socket.fd();
    }

    @Override
    public void requestDump() throws SyscallException {
        if (stage != Stage.IDLE) {
            dumpAgain = true;
            return;
        }
        startStage(Stage.LINKS);
    }

    @Override
    public void processReadable() throws SyscallException {
        while (true) {
            ByteBuffer datagram;
            try {
                datagram = socket.receive();
            } catch (SyscallException e) {
                if (e.errno() != Errno.ENOBUFS) {
                    throw e;
                }
                if (stage == Stage.IDLE) {
                    LOG.warn("Kernel dropped netlink link notifications (receive buffer full); resynchronising");
                } else {
                    LOG.debug("Kernel dropped more netlink notifications; another dump follows the current one");
                }
                resynchronise();
                continue;
            }
            if (datagram == null) {
                return;
            }
            for (NetlinkMessage message : NetlinkMessages.split(datagram)) {
                handle(message);
            }
        }
    }

    /** Dropped notifications are never dump replies (dumps are flow-controlled), so a running dump goes on. */
    private void resynchronise() throws SyscallException {
        requestDump();
    }

    private void handle(NetlinkMessage message) throws SyscallException {
        boolean fromDump = stage != Stage.IDLE && message.sequence() == dumpSequence
                && message.portId() == socket.portId();
        switch (message.type()) {
            case RTM_NEWLINK, RTM_DELLINK -> {
                LinkInfo link = RouteMessages.parseLink(message);
                if (link != null) {
                    listener.linkChanged(new LinkEvent(message.type() == RTM_DELLINK, link, fromDump));
                }
            }
            case RTM_NEWADDR, RTM_DELADDR -> {
                InstalledAddress address = addresses ? RouteMessages.parseAddress(message) : null;
                if (address != null) {
                    listener.addressChanged(new AddressEvent(message.type() == RTM_DELADDR, address, fromDump));
                }
            }
            case Netlink.NLMSG_DONE -> {
                if (fromDump) {
                    dumpFinished();
                }
            }
            case Netlink.NLMSG_ERROR -> {
                if (fromDump && NetlinkMessages.errorCode(message) != 0) {
                    stage = Stage.IDLE;
                    throw NetlinkMessages.toException("netlink dump", message);
                }
            }
            default -> {
                // other rtnetlink messages are of no interest here
            }
        }
    }

    private void dumpFinished() throws SyscallException {
        if (stage == Stage.LINKS && addresses) {
            startStage(Stage.ADDRESSES);
            return;
        }
        stage = Stage.IDLE;
        listener.dumpCompleted();
        if (dumpAgain) {
            dumpAgain = false;
            startStage(Stage.LINKS);
        }
    }

    private void startStage(Stage next) throws SyscallException {
        dumpSequence = socket.nextSequence();
        int flags = Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP;
        if (next == Stage.LINKS) {
            writer.begin(RTM_GETLINK, flags, dumpSequence);
            RouteMessages.putLinkHeader(writer, 0, 0, 0);
        } else {
            writer.begin(RTM_GETADDR, flags, dumpSequence);
            RouteMessages.putAddressHeader(writer, AF_UNSPEC, 0, 0, 0, 0);
        }
        socket.send(writer.finish());
        stage = next;
    }

    @Override
    public void close() {
        socket.close();
    }
}
