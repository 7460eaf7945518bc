package org.keepalived4j.config.keyword;

import java.util.List;
import org.keepalived4j.config.NotifyScript;
import org.keepalived4j.config.read.ConfigNode;
import org.keepalived4j.config.read.EscapedWordSplitter;

/**
 * Reads the script-carrying lines shared by several sections ({@code notify_*},
 * {@code startup_script}, {@code *_notify_fifo_script}, {@code script}): the command is the
 * first word (quoted to carry arguments), optionally followed by a user and a group.
 */
public final class ScriptLines {

    private ScriptLines() {
    }

    /**
     * A notify script from {@code KEYWORD COMMAND [USER [GROUP]]}, or {@code null} when its
     * user or group does not exist (keepalived then only logs and ignores the script).
     */
    public static NotifyScript notifyScript(ConfigNode node, ParseContext ctx, String subject) {
        String command = ctx.param(node, 0);
        String user = node.arg(1);
        String group = node.arg(2);
        if (user != null && !ctx.probe().userExists(user)) {
            ctx.info(node, subject, "Invalid user/group for " + node.keyword() + " script " + firstWord(command)
                    + " - ignoring (user '" + user + "' does not exist)");
            return null;
        }
        if (group != null && !ctx.probe().groupExists(group)) {
            ctx.info(node, subject, "Invalid user/group for " + node.keyword() + " script " + firstWord(command)
                    + " - ignoring (group '" + group + "' does not exist)");
            return null;
        }
        return new NotifyScript(command, user, group);
    }

    /**
     * The words of a command line as keepalived splits a script: on unquoted white space,
     * with single or double quotes grouping words and backslash escaping one character.
     */
    static List<String> words(String command) {
        return EscapedWordSplitter.split(command).orElseGet(() -> List.of(command.strip()));
    }

    /**
     * The words of a script as keepalived shows them once it has checked the script at load:
     * the program as the real path of the file that runs (a name without a slash looked up in
     * {@code PATH}, symbolic links resolved: {@code /bin/echo} is {@code /usr/bin/echo} where
     * {@code /bin} links to {@code /usr/bin}), the arguments as written. A program that cannot
     * be found stays as written.
     */
    public static List<String> resolvedWords(String command) {
        List<String> words = new java.util.ArrayList<>(words(command));
        if (words.isEmpty()) {
            return words;
        }
        String program = words.get(0);
        java.nio.file.Path found = null;
        if (program.contains("/")) {
            found = java.nio.file.Path.of(program);
        } else {
            String path = System.getenv("PATH");
            for (String dir : (path == null || path.isEmpty() ? "/usr/bin:/bin" : path).split(":")) {
                java.nio.file.Path candidate = java.nio.file.Path.of(dir.isEmpty() ? "." : dir, program);
                if (java.nio.file.Files.isRegularFile(candidate) && java.nio.file.Files.isExecutable(candidate)) {
                    found = candidate;
                    break;
                }
            }
        }
        if (found != null) {
            try {
                words.set(0, found.toRealPath().toString());
            } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
                // not there: keepalived shows it as written
            }
        }
        return words;
    }

    /** The program a command line runs. */
    public static String firstWord(String command) {
        List<String> words = words(command);
        return words.isEmpty() ? "" : words.get(0);
    }
}
