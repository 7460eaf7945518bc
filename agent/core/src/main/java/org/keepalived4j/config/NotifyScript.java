package org.keepalived4j.config;

/**
 * A notify script: the command line (a path, possibly with arguments if it was quoted) and the
 * user/group to run it as ({@code null}: the global {@code script_user}).
 */
public record NotifyScript(String command, String user, String group) {
}
