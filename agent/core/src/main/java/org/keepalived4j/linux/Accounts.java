package org.keepalived4j.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.OptionalInt;

/**
 * Users and groups as the C library resolves them (getpwnam_r, getgrnam_r: /etc/passwd and any
 * other NSS source), and the effective ids of this process.
 */
public final class Accounts {

    /** A user's id and primary group id. */
    public record User(int uid, int gid) {
    }

    private static final int ERANGE = 34;
    private static final int PASSWD_SIZE = 48; // LP64 struct passwd: uid at 16, gid at 20
    private static final int GROUP_SIZE = 32; // LP64 struct group: gid at 16
    private static final int MAX_BUFFER = 1 << 20;

    private Accounts() {
    }

    /** The user called {@code name}, or null when there is none. */
    public static User user(String name) throws SyscallException {
        try (Memory entry = new Memory(PASSWD_SIZE)) {
            return lookup(name, entry, true) ? new User(entry.getInt(16), entry.getInt(20)) : null;
        }
    }

    /** The id of the group called {@code name}, or empty when there is none. */
    public static OptionalInt group(String name) throws SyscallException {
        try (Memory entry = new Memory(GROUP_SIZE)) {
            return lookup(name, entry, false) ? OptionalInt.of(entry.getInt(16)) : OptionalInt.empty();
        }
    }

    /** geteuid() and getegid() of this process. */
    public static User effective() {
        return new User(LibC.geteuid(), LibC.getegid());
    }

    private static boolean lookup(String name, Memory entry, boolean user) throws SyscallException {
        for (int size = 4096; size <= MAX_BUFFER; size *= 4) {
            try (Memory buffer = new Memory(size); Memory result = new Memory(Native.POINTER_SIZE)) {
                int error = user ? LibC.getpwnam_r(name, entry, buffer, size, result)
                        : LibC.getgrnam_r(name, entry, buffer, size, result);
                if (error == ERANGE) {
                    continue;
                }
                if (error != 0) {
                    throw new SyscallException(user ? "getpwnam_r(" + name + ")" : "getgrnam_r(" + name + ")", error);
                }
                return result.getPointer(0) != Pointer.NULL;
            }
        }
        throw new SyscallException("getpwnam_r(" + name + ")", ERANGE);
    }
}
