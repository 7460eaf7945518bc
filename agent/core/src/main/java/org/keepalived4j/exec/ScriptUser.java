package org.keepalived4j.exec;

/**
 * Who a script runs as: a user name and optionally a group name (null: the user's primary
 * group). A user of null means the daemon's own user.
 */
public record ScriptUser(String user, String group) {

    /** The daemon's own user and group. */
    public static final ScriptUser DAEMON = new ScriptUser(null, null);

    /**
     * keepalived's rule for a script's user: the script's own {@code user} line when it has one
     * (with its group, or none), else {@code fallback} (the global {@code script_user}).
     */
    public static ScriptUser of(String user, String group, ScriptUser fallback) {
        return user != null ? new ScriptUser(user, group) : fallback;
    }
}
