package org.keepalived4j.linux;

import java.nio.ByteBuffer;

/**
 * One received netlink message.
 *
 * @param type nlmsg_type
 * @param flags nlmsg_flags
 * @param sequence nlmsg_seq
 * @param portId nlmsg_pid
 * @param payload the bytes after the header, in host byte order, position 0
 */
public record NetlinkMessage(int type, int flags, int sequence, int portId, ByteBuffer payload) {
}
