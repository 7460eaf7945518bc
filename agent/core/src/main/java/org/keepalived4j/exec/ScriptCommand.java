package org.keepalived4j.exec;

import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.config.read.EscapedWordSplitter;

/**
 * A program to run: its argument vector (the first word is looked up on the PATH, no shell is
 * involved) and the user to run it as.
 */
public record ScriptCommand(List<String> argv, ScriptUser user) {

    public ScriptCommand {
        argv = List.copyOf(argv);
        if (user == null) {
            user = ScriptUser.DAEMON;
        }
    }

    /**
     * A keepalived script line split into words as keepalived splits it: unquoted white space
     * separates, single and double quotes group, backslash escapes. A line the splitter rejects
     * (an unclosed quote) is run as one word, as before.
     */
    public static ScriptCommand parse(String line, ScriptUser user) {
        return new ScriptCommand(EscapedWordSplitter.split(line).orElseGet(() -> List.of(line.strip())), user);
    }

    /** This command with {@code extra} words appended (the notify script's arguments). */
    public ScriptCommand withArguments(List<String> extra) {
        List<String> all = new ArrayList<>(argv);
        all.addAll(extra);
        return new ScriptCommand(all, user);
    }

    /** The program, for log lines. */
    public String program() {
        return argv.isEmpty() ? "" : argv.get(0);
    }
}
