package org.keepalived4j.vrrp;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a keepalived script line into the argument vector to execute, without a shell, as
 * keepalived does: words split on unquoted white space, single and double quotes group,
 * backslash escapes the next character. A script run as another user than root is started
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

    static List<String> split(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < command.length()) {
                    word.append(command.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < command.length()) {
                word.append(command.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
