package org.keepalived4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * One preallocated {@code struct msghdr} with its {@code iovec}, address, control and data
 * areas, reused for every sendmsg/recvmsg of a socket so that a packet costs no allocation.
 * Layout (LP64): msghdr is name@0, namelen@8, iov@16, iovlen@24, control@32, controllen@40,
 * flags@48; iovec is base@0, len@8; cmsghdr is len@0, level@8, type@12, data@16.
 */
final class MessageBuffers implements AutoCloseable {

    static final int CMSG_HEADER = 16;
    private static final int MSGHDR_SIZE = 56;
    private static final int CONTROL_SIZE = 256;

    final Memory header = new Memory(MSGHDR_SIZE);
    final Memory iovec = new Memory(16);
    final Memory name = new Memory(SocketAddresses.SOCKADDR_STORAGE_SIZE);
    final Memory control = new Memory(CONTROL_SIZE);
    final Memory data;

    MessageBuffers(int dataSize) {
        data = new Memory(dataSize);
        header.clear();
        control.clear();
    }

    int dataSize() {
        return (int) data.size();
    }

    /** Prepares the header for sending {@code length} data bytes to the address in {@link #name}. */
    void prepareSend(int length, int nameLength, int controlLength) {
        prepare(length, nameLength, controlLength);
    }

    /** Prepares the header for receiving into the whole data and control areas. */
    void prepareReceive() {
        prepare(dataSize(), SocketAddresses.SOCKADDR_STORAGE_SIZE, CONTROL_SIZE);
    }

    int receivedNameLength() {
        return header.getInt(8);
    }

    int receivedControlLength() {
        return (int) header.getLong(40);
    }

    int receivedFlags() {
        return header.getInt(48);
    }

    /** Writes one control message header at {@code offset}; returns the offset of its data. */
    long putControlHeader(long offset, int level, int type, int dataLength) {
        control.setLong(offset, CMSG_HEADER + dataLength);
        control.setInt(offset + 8, level);
        control.setInt(offset + 12, type);
        return offset + CMSG_HEADER;
    }

    /** Space a control message with {@code dataLength} bytes of data takes (CMSG_SPACE). */
    static int controlSpace(int dataLength) {
        return CMSG_HEADER + ((dataLength + 7) & ~7);
    }

    private void prepare(int length, int nameLength, int controlLength) {
        iovec.setPointer(0, data);
        iovec.setLong(8, length);
        header.setPointer(0, nameLength == 0 ? null : name);
        header.setInt(8, nameLength);
        header.setPointer(16, iovec);
        header.setLong(24, 1);
        header.setPointer(32, controlLength == 0 ? null : (Pointer) control);
        header.setLong(40, controlLength);
        header.setInt(48, 0);
    }

    @Override
    public void close() {
        header.close();
        iovec.close();
        name.close();
        control.close();
        data.close();
    }
}
