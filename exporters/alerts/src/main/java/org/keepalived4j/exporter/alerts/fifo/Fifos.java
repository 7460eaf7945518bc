package org.keepalived4j.exporter.alerts.fifo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import org.keepalived4j.exporter.alerts.linux.Libc;

/** Making a notify FIFO as keepalived 2.2.7 does. */
final class Fifos {

    /** keepalived's FIFOs are {@code prw-------} (checked against keepalived 2.2.7). */
    static final int MODE = 0600;

    private Fifos() {
    }

    /**
     * Makes the FIFO unless something is at the path already.
     *
     * @return whether it was made here (and is then removed at the stop, as keepalived removes
     *         only the FIFOs it made)
     * @throws IOException when it cannot be made, or the path holds something other than a FIFO
     */
    static boolean create(Path path) throws IOException {
        if (Libc.mkfifo(path.toString(), MODE) == 0) {
            return true;
        }
        int errno = Libc.errno();
        if (errno != Libc.EEXIST) {
            throw Libc.failure("mkfifo(" + path + ")", errno);
        }
        Object mode = Files.getAttribute(path, "unix:mode");
        if (!(mode instanceof Integer m) || (m & 0170000) != 0010000) {
            throw new IOException(path + " exists and is not a FIFO");
        }
        return false;
    }

    /** Gives a FIFO made here to {@code user} and {@code group} ({@code null}: the user's, resp. left as is). */
    static void chown(Path path, String user, String group) throws IOException {
        if (user == null && group == null) {
            return;
        }
        UserPrincipalLookupService names = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (user != null) {
            int[] ids = Libc.user(user);
            if (ids == null) {
                throw new IOException("unknown user " + user);
            }
            UserPrincipal owner = names.lookupPrincipalByName(user);
            view.setOwner(owner);
            if (group == null) {
                view.setGroup(names.lookupPrincipalByGroupName(Integer.toString(ids[1])));
            }
        }
        if (group != null) {
            GroupPrincipal g = names.lookupPrincipalByGroupName(group);
            view.setGroup(g);
        }
    }
}
