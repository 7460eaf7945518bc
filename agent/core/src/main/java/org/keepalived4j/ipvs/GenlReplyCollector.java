package org.keepalived4j.ipvs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the replies to one request from the datagrams a netlink socket receives: keeps the
 * messages whose sequence number is the request's, skips stale ones (answers to an earlier
 * request that timed out), and says when the exchange is over — at the ACK or error
 * (NLMSG_ERROR) of a "do" request, or at the NLMSG_DONE of a dump.
 */
final class GenlReplyCollector {

    private final int sequence;
    private final ByteOrder hostOrder;
    private final List<GenlMessage> messages = new ArrayList<>();
    private boolean done;
    private int errno;
    private String errorMessage;
    private boolean dumpInterrupted;
    private int staleMessages;

    GenlReplyCollector(int sequence, ByteOrder hostOrder) {
        this.sequence = sequence;
        this.hostOrder = hostOrder;
    }

    /** The sequence number a request carries (nlmsg_seq, bytes 8..11 of its header). */
    static int sequenceOf(byte[] request, ByteOrder hostOrder) {
        return ByteBuffer.wrap(request).order(hostOrder).getInt(8);
    }

    /**
     * Takes one received datagram.
     *
     * @return whether the exchange is complete
     * @throws MalformedReplyException if the datagram is not well-formed netlink, or the kernel
     *         reports that it dropped messages (NLMSG_OVERRUN)
     */
    boolean accept(byte[] datagram, int length) throws MalformedReplyException {
        for (GenlMessage message : GenlMessage.split(datagram, length, hostOrder)) {
            if (done) {
                break;
            }
            if (message.sequence() != sequence) {
                staleMessages++;
                continue;
            }
            switch (message.type()) {
                case IpvsUapi.NLMSG_NOOP:
                    break;
                case IpvsUapi.NLMSG_ERROR:
                    readError(message);
                    done = true;
                    break;
                case IpvsUapi.NLMSG_DONE:
                    readDone(message);
                    done = true;
                    break;
                case IpvsUapi.NLMSG_OVERRUN:
                    throw new MalformedReplyException("the kernel dropped netlink messages (NLMSG_OVERRUN)");
                default:
                    dumpInterrupted |= (message.flags() & IpvsUapi.NLM_F_DUMP_INTR) != 0;
                    messages.add(message);
            }
        }
        return done;
    }

    boolean done() {
        return done;
    }

    /** How many messages with another sequence number were skipped. */
    int staleMessages() {
        return staleMessages;
    }

    GenlReply reply() {
        if (!done) {
            throw new IllegalStateException("the exchange is not complete");
        }
        return new GenlReply(messages, errno, errorMessage, dumpInterrupted);
    }

    // struct nlmsgerr { int error; struct nlmsghdr msg; } [original payload] [NLMSGERR_ATTR_* TLVs]
    private void readError(GenlMessage message) throws MalformedReplyException {
        byte[] payload = message.payload();
        if (payload.length < 4 + IpvsUapi.NLMSG_HDRLEN) {
            throw new MalformedReplyException("NLMSG_ERROR of " + payload.length + " bytes");
        }
        ByteBuffer in = ByteBuffer.wrap(payload).order(hostOrder);
        errno = -in.getInt(0);
        if ((message.flags() & IpvsUapi.NLM_F_ACK_TLVS) == 0) {
            return;
        }
        int tlvOffset = 4 + IpvsUapi.NLMSG_HDRLEN;
        if ((message.flags() & IpvsUapi.NLM_F_CAPPED) == 0) {
            int echoedLength = in.getInt(4);
            if (echoedLength < IpvsUapi.NLMSG_HDRLEN || echoedLength > payload.length - 4) {
                throw new MalformedReplyException("NLMSG_ERROR echoes a request of length "
                        + Integer.toUnsignedString(echoedLength) + " in " + (payload.length - 4) + " bytes");
            }
            tlvOffset = Math.min(payload.length, 4 + GenlAttributes.align(echoedLength));
        }
        GenlAttributes tlvs = GenlAttributes.parse(payload, tlvOffset, payload.length - tlvOffset, hostOrder);
        if (tlvs.has(IpvsUapi.NLMSGERR_ATTR_MSG)) {
            errorMessage = tlvs.string(IpvsUapi.NLMSGERR_ATTR_MSG);
        }
    }

    // NLMSG_DONE carries an int: 0, or the negative errno that ended the dump
    private void readDone(GenlMessage message) {
        byte[] payload = message.payload();
        if (payload.length >= 4) {
            errno = -ByteBuffer.wrap(payload).order(hostOrder).getInt(0);
        }
    }
}
