package org.keepalived4j.model;

/**
 * A script keepalived runs (a notify script, a vrrp_script, a quorum or real-server script), as
 * configured: the command line as written and the user and group it runs as.
 *
 * @param command the command line as written (split into words as keepalived splits it, no shell)
 * @param user the user it runs as, or {@code null} for the global {@code script_user}
 * @param group the group it runs as, or {@code null} for that user's group
 */
public record ScriptLine(String command, String user, String group) {
}
