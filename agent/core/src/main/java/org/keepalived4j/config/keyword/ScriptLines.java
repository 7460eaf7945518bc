package org.keepalived4j.config.keyword;

import java.util.List;
import org.keepalived4j.config.NotifyScript;
import org.keepalived4j.config.SystemProbe;
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
     * user or group does not exist (keepalived then only logs and ignores the script) or it
     * names none and the default script user cannot be set.
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
        if (!ctx.scriptUserUsable(user, node.location())) {
            // keepalived sets the default user as it reads the line; a script it cannot set it
            // for does not run (the failure is reported once)
            return null;
        }
        return new NotifyScript(command, user, group);
    }

    /**
     * The words of a command line as keepalived splits a script: on unquoted white space,
     * with single or double quotes grouping words and backslash escaping one character.
     */
    public static List<String> words(String command) {
        return EscapedWordSplitter.split(command).orElseGet(() -> List.of(command.strip()));
    }

    /**
     * {@code command} with its program as keepalived resolves it before running it
     * ({@link SystemProbe#programPath}); a file test ({@code </path}) as it is.
     */
    public static String withResolvedProgram(String command, SystemProbe probe) {
        String program = firstWord(command);
        if (program.isEmpty() || program.startsWith("<")) {
            return command;
        }
        String path = probe.programPath(program);
        return path.equals(program) ? command : withProgram(command, path);
    }

    /**
     * {@code command} with its first word replaced by {@code program}, the other words exactly as
     * written. The program is quoted when it would not stay one word otherwise.
     */
    public static String withProgram(String command, String program) {
        int start = 0;
        while (start < command.length() && EscapedWordSplitter.separates(command.charAt(start))) {
            start++;
        }
        int end = start;
        char quote = 0;
        while (end < command.length()) {
            char c = command.charAt(end);
            if (c == '\\') {
                end += end + 1 < command.length() && command.charAt(end + 1) == 'c' ? 3 : 2;
                continue;
            }
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (EscapedWordSplitter.separates(c)) {
                break;
            }
            end++;
        }
        return command.substring(0, start) + quoted(program) + command.substring(Math.min(end, command.length()));
    }

    private static String quoted(String word) {
        boolean plain = !word.isEmpty() && word.chars().noneMatch(c -> c == '"' || c == '\'' || c == '\\'
                || EscapedWordSplitter.separates((char) c));
        return plain ? word : "'" + word.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** The program a command line runs. */
    public static String firstWord(String command) {
        List<String> words = words(command);
        return words.isEmpty() ? "" : words.get(0);
    }
}
