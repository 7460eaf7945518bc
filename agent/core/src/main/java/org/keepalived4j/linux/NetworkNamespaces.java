package org.keepalived4j.linux;

import java.nio.file.Path;

/** Moves the calling thread into another network namespace. */
public final class NetworkNamespaces {

    private NetworkNamespaces() {
    }

    /**
     * setns(CLONE_NEWNET) on the calling thread only: sockets this thread creates afterwards,
     * and the {@code /proc/sys/net} files it opens, belong to the namespace named by
     * {@code namespaceFile} (for example {@code /var/run/netns/NAME}). Other threads of the
     * process are not affected. Needs CAP_SYS_ADMIN.
     */
    public static void enterOnCurrentThread(Path namespaceFile) throws SyscallException {
        String path = namespaceFile.toString();
        int fd = NativeDescriptor.check(LibC.open(path, SocketConstants.O_RDONLY | SocketConstants.O_CLOEXEC),
                "open(" + path + ")");
        try {
            NativeDescriptor.check(LibC.setns(fd, SocketConstants.CLONE_NEWNET), "setns(" + path + ", CLONE_NEWNET)");
        } finally {
            NativeDescriptor.closeQuietly(fd);
        }
    }
}
