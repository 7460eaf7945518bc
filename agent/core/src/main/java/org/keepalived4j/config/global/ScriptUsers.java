package org.keepalived4j.config.global;

import org.keepalived4j.config.SourceLocation;
import org.keepalived4j.config.SystemProbe;
import org.keepalived4j.config.keyword.ParseContext;

/**
 * Who scripts run as when they name no user: global {@code script_user}, else
 * {@code keepalived_script} if that user exists, else root. keepalived resolves the default
 * once, the first time a script needs it, and with {@code enable_script_security} a missing
 * {@code keepalived_script} user is an error.
 */
public final class ScriptUsers {

    private final GlobalDraft global;
    private Boolean defaultUsable;

    public ScriptUsers(GlobalDraft global) {
        this.global = global;
    }

    /**
     * Whether the default script user can be set for a script read at {@code at} (reported
     * once, as keepalived's VRRP and checker processes each do).
     */
    public boolean defaultUserUsable(SourceLocation at, ParseContext ctx) {
        if (global.scriptUser != null) {
            return !global.scriptUserFailed;
        }
        if (defaultUsable == null) {
            defaultUsable = ctx.probe().userExists("keepalived_script") || !global.scriptSecurity;
            if (!defaultUsable) {
                ctx.diagnostics().error(at, null, "Unable to set default user keepalived_script for script");
            }
        }
        return defaultUsable;
    }

    /** Scripts read through {@code ctx} from now on get their default user from here. */
    public void serve(ParseContext ctx) {
        ctx.defaultScriptUser(at -> defaultUserUsable(at, ctx));
    }

    /** Whether a script run as {@code user} (or the default user when {@code null}) runs as root. */
    public boolean runsAsRoot(String user, SystemProbe probe) {
        if (user != null) {
            return probe.isRootUser(user);
        }
        if (global.scriptUser != null) {
            return probe.isRootUser(global.scriptUser);
        }
        return !probe.userExists("keepalived_script");
    }
}
