package org.keepalived4j.vrrp;

import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.config.EscapedWordSplitter;

/**
 * Turns a keepalived script line into the argument vector to execute, without a shell, as
 * keepalived does ({@link EscapedWordSplitter}): words split on unquoted white space, single
 * and double quotes group, backslash escapes. A script run as another user than root is started
 * through {@code setpriv} with that user's ids and groups.
 */
final class ScriptCommand {

    private ScriptCommand() {
    }

    static List<String> argv(String command, String user, String group) {
        List<String> words = split(command);
        if (user == null || "root".equals(user) || isCurrentUser(user)) {
            return words;
        }
        List<String> argv = new ArrayList<>();
        argv.add("setpriv");
        argv.add("--reuid=" + user);
        argv.add("--regid=" + (group != null ? group : user));
        argv.add("--init-groups");
        argv.add("--");
        argv.addAll(words);
        return argv;
    }

    private static boolean isCurrentUser(String user) {
        return user.equals(System.getProperty("user.name"));
    }

    /** The words of a script line, split as keepalived splits scripts ({@link EscapedWordSplitter}). */
    static List<String> split(String command) {
        return EscapedWordSplitter.split(command).orElseGet(() -> List.of(command.strip()));
    }
}
