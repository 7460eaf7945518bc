package org.keepalived4j.model;

import java.util.List;

/**
 * A script keepalived runs (a notify script, a vrrp_script, a quorum or real-server script), as
 * configured: the command line as written, the words it runs as, and the user and group it runs as.
 *
 * @param command the command line as written
 * @param user the user it runs as, or {@code null} for the global {@code script_user}
 * @param group the group it runs as, or {@code null} for that user's group
 * @param words the program and its arguments: {@code command} split into words as keepalived
 *        splits a script (quotes group words, backslash escapes), no shell involved
 */
public record ScriptLine(String command, String user, String group, List<String> words) {

    public ScriptLine {
        words = List.copyOf(words);
    }

    /**
     * A script whose words are {@code command} split at white space. The daemon passes the words
     * its configuration parser split (quotes and escapes included); this form is for callers that
     * know the command has neither.
     */
    public ScriptLine(String command, String user, String group) {
        this(command, user, group, List.of(command.strip().split("\\s+")));
    }

    /**
     * The command as keepalived shows it (KEEPALIVED-MIB's script columns, its logs): each word in
     * single quotes, separated by one space; a first word that starts with {@code <} or {@code >}
     * (a shell test of a file) is left unquoted.
     */
    public String quotedWords() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (i > 0) {
                text.append(' ');
            }
            boolean bare = i == 0 && (word.startsWith("<") || word.startsWith(">"));
            text.append(bare ? word : "'" + word + "'");
        }
        return text.toString();
    }
}
