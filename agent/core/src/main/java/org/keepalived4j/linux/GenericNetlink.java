package org.keepalived4j.linux;

import java.util.List;

/**
 * Generic netlink ({@code linux/genetlink.h}) on top of the netlink framing: after the
 * {@code nlmsghdr} comes a 4-byte {@code genlmsghdr} (cmd u8, version u8, reserved u16), then
 * attributes. A family's messages carry the id the controller ("nlctrl", id
 * {@value #GENL_ID_CTRL}) gives its name; open a {@link NetlinkChannel} on
 * {@link Netlink#NETLINK_GENERIC} to talk to it.
 */
public final class GenericNetlink {

    public static final int HEADER_SIZE = 4;
    public static final int GENL_ID_CTRL = 0x10;

    static final int CTRL_VERSION = 1;
    static final int CTRL_CMD_NEWFAMILY = 1;
    static final int CTRL_CMD_GETFAMILY = 3;
    static final int CTRL_ATTR_FAMILY_ID = 1;
    static final int CTRL_ATTR_FAMILY_NAME = 2;

    private GenericNetlink() {
    }

    /** Appends the genlmsghdr to a message just begun. */
    public static NetlinkMessageWriter header(NetlinkMessageWriter writer, int command, int version) {
        return writer.putByte(command).putByte(version).putShort(0);
    }

    /** The command of a received message (genlmsghdr.cmd), or -1 when it is too short to have one. */
    public static int command(NetlinkMessage message) {
        return message.payload().remaining() >= HEADER_SIZE ? message.payload().get(0) & 0xff : -1;
    }

    /** The attributes after the genlmsghdr (none when the message is too short to have one). */
    public static NetlinkAttributes attributes(NetlinkMessage message) {
        return NetlinkAttributes.afterHeader(message.payload(), HEADER_SIZE);
    }

    /**
     * Asks the controller for the id of the family {@code name} (CTRL_CMD_GETFAMILY).
     *
     * @throws NetlinkException ENOENT when no such family is registered (its module not loaded)
     */
    public static int familyId(NetlinkChannel channel, String name) throws SyscallException {
        header(channel.begin(GENL_ID_CTRL, Netlink.NLM_F_ACK), CTRL_CMD_GETFAMILY, CTRL_VERSION)
                .attributeString(CTRL_ATTR_FAMILY_NAME, name);
        String what = "resolving the generic netlink family \"" + name + "\"";
        List<NetlinkMessage> replies = channel.execute(what);
        for (NetlinkMessage reply : replies) {
            if (reply.type() == GENL_ID_CTRL && command(reply) == CTRL_CMD_NEWFAMILY) {
                int id = attributes(reply).u16(CTRL_ATTR_FAMILY_ID, -1);
                if (id > 0) {
                    return id;
                }
            }
        }
        throw new NetlinkException(what + " (no family id in the controller's reply)", Errno.EPROTO, null);
    }
}
