package org.keepalived4j.linux;

/**
 * The kernel refused a netlink request: an NLMSG_ERROR carrying a negative errno, plus the
 * kernel's extended-ack text when it gave one (for example "Invalid prefix length").
 */
public final class NetlinkException extends SyscallException {

    private final String kernelMessage;

    /** @param kernelMessage extended-ack text, or null */
    public NetlinkException(String request, int errno, String kernelMessage) {
        super(request, errno, describe(errno) + (kernelMessage == null ? "" : ": " + kernelMessage));
        this.kernelMessage = kernelMessage;
    }

    /** The kernel's extended-ack text, or null when it sent none. */
    public String kernelMessage() {
        return kernelMessage;
    }
}
