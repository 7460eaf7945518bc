package org.keepalived4j.vrrp;

import java.util.List;

/** How keepalived4j runs a keepalived script line (vrrp_script, notify, misc_check): public entry point. */
public final class Scripts {

    private Scripts() {
    }

    /** The argument vector for a script line run as {@code user}/{@code group} (null: as ourselves). */
    public static List<String> argv(String command, String user, String group) {
        return ScriptCommand.argv(command, user, group);
    }
}
