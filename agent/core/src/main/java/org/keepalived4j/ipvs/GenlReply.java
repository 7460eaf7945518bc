package org.keepalived4j.ipvs;

import java.util.List;

/**
 * What the kernel answered to one request: its data messages (a dump's parts, or a "do"
 * command's reply), then how it ended.
 *
 * @param messages the data messages, in order (never NLMSG_ERROR / NLMSG_DONE)
 * @param errno 0 when the request ended with an ACK or NLMSG_DONE, otherwise the positive errno
 *        the kernel returned (NLMSG_ERROR, or an error carried by NLMSG_DONE)
 * @param errorMessage the kernel's extended-ACK text (NLMSGERR_ATTR_MSG), or {@code null}
 * @param dumpInterrupted whether a dump part carried NLM_F_DUMP_INTR (the table changed while it
 *        was being dumped, so the result may be inconsistent and should be read again)
 */
public record GenlReply(List<GenlMessage> messages, int errno, String errorMessage, boolean dumpInterrupted) {

    public GenlReply {
        messages = List.copyOf(messages);
    }

    /** Whether the kernel accepted the request. */
    public boolean ok() {
        return errno == 0;
    }
}
