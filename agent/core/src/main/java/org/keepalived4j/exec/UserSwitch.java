package org.keepalived4j.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.keepalived4j.linux.Accounts;
import org.keepalived4j.linux.SyscallException;

/**
 * Turns a command and its user into the argument vector to spawn. A script whose user and group
 * are the daemon's runs directly; any other goes through {@code setpriv} with numeric ids (so
 * the names are resolved once, here), the real and effective uid and gid of the user and, as
 * keepalived's setgroups(1, &gid), that group as its only one.
 */
final class UserSwitch {

    /** The user or group named does not exist. */
    static final class UnknownAccountException extends Exception {
        UnknownAccountException(String message) {
            super(message);
        }
    }

    private final Accounts.User self;

    UserSwitch(Accounts.User self) {
        this.self = self;
    }

    List<String> argv(ScriptCommand command) throws UnknownAccountException, SyscallException {
        ScriptUser who = command.user();
        if (who.user() == null) {
            return command.argv();
        }
        Accounts.User user = Accounts.user(who.user());
        if (user == null) {
            throw new UnknownAccountException("unknown user " + who.user());
        }
        int gid = user.gid();
        if (who.group() != null) {
            OptionalInt group = Accounts.group(who.group());
            if (group.isEmpty()) {
                throw new UnknownAccountException("unknown group " + who.group());
            }
            gid = group.getAsInt();
        }
        if (user.uid() == self.uid() && gid == self.gid()) {
            return command.argv();
        }
        List<String> argv = new ArrayList<>(command.argv().size() + 5);
        argv.add("setpriv");
        argv.add("--reuid=" + user.uid());
        argv.add("--regid=" + gid);
        argv.add("--groups=" + gid);
        argv.add("--");
        argv.addAll(command.argv());
        return argv;
    }
}
