package org.keepalived4j.model;

import java.util.List;

/**
 * A script keepalived runs (a notify script, a vrrp_script, a quorum or real-server script), as
 * configured: the command line as written and the user and group it runs as.
 *
 * @param command the command line as written (split into words as keepalived splits it, no shell)
 * @param user the user it runs as, or {@code null} for the global {@code script_user}
 * @param group the group it runs as, or {@code null} for that user's group
 * @param words the command split into words as keepalived splits it (white space separates, quotes
 *        group, a backslash escapes): the program and its arguments. keepalived shows a script this
 *        way wherever it names one (its SNMP tables quote each word)
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
}
