package org.keepalived4j.config.vrrp;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.keepalived4j.config.NotifyFifoConfig;
import org.keepalived4j.config.NotifyScript;
import org.keepalived4j.config.VrrpScriptConfig;
import org.keepalived4j.config.global.GlobalDraft;
import org.keepalived4j.config.global.ScriptUsers;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.keyword.ScriptLines;

/**
 * keepalived's check of the scripts it would run, done once all instances are read: a
 * {@code vrrp_script} whose program is missing is disabled (and tracking it dropped), one that
 * would run as root from a path a non-root user can write is disabled under
 * {@code enable_script_security}, and without {@code enable_script_security} any script at all
 * earns the "SECURITY VIOLATION" complaint. Notify scripts that cannot run are dropped silently.
 * A script that may run names its program by the path keepalived resolves it to
 * ({@link SystemProbe#programPath}), as keepalived then shows it (KEEPALIVED-MIB) and runs it.
 */
final class ScriptSecurityCheck {

    private final ParseContext ctx;
    private final GlobalDraft global;
    private final ScriptUsers users;
    private boolean sawScript;
    private boolean sawInsecure;

    ScriptSecurityCheck(ParseContext ctx, GlobalDraft global, ScriptUsers users) {
        this.ctx = ctx;
        this.global = global;
        this.users = users;
    }

    /** Removes disabled vrrp_scripts from {@code scripts} and drops unusable notify scripts. */
    void run(Map<String, VrrpScriptConfig> scripts, List<InstanceDraft> instances, List<SyncGroupParser.Draft> groups) {
        if (instances.isEmpty()) {
            return;
        }
        Iterator<Map.Entry<String, VrrpScriptConfig>> it = scripts.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, VrrpScriptConfig> entry = it.next();
            VrrpScriptConfig s = entry.getValue();
            String verdict = check(s.command(), s.user());
            if (verdict != null) {
                if (!verdict.isEmpty()) {
                    ctx.diagnostics().error(s.location(), null, "Disabling track script " + s.name() + " " + verdict);
                }
                it.remove();
            } else {
                entry.setValue(new VrrpScriptConfig(s.name(), s.location(), resolved(s.command()), s.intervalMicros(),
                        s.timeoutMicros(), s.weight(), s.weightReverse(), s.rise(), s.fall(), s.user(), s.group(),
                        s.initFail()));
            }
        }
        for (InstanceDraft d : instances) {
            d.notifyMaster = notify(d.notifyMaster);
            d.notifyBackup = notify(d.notifyBackup);
            d.notifyFault = notify(d.notifyFault);
            d.notifyStop = notify(d.notifyStop);
            d.notifyDeleted = notify(d.notifyDeleted);
            d.notifyAny = notify(d.notifyAny);
            d.notifyMasterRxLowerPri = notify(d.notifyMasterRxLowerPri);
            d.trackScripts.removeIf(t -> !scripts.containsKey(t.name()));
        }
        for (SyncGroupParser.Draft g : groups) {
            g.master = notify(g.master);
            g.backup = notify(g.backup);
            g.fault = notify(g.fault);
            g.stop = notify(g.stop);
            g.any = notify(g.any);
            g.trackScripts.removeIf(t -> !scripts.containsKey(t.name()));
        }
        global.notifyFifo = fifo(global.notifyFifo);
        global.vrrpNotifyFifo = fifo(global.vrrpNotifyFifo);
        if (!global.scriptSecurity && sawScript) {
            ctx.diagnostics().securityViolation("SECURITY VIOLATION - scripts are being executed but script_security"
                    + " not enabled." + (sawInsecure ? " There are insecure scripts." : ""));
        }
    }

    private NotifyFifoConfig fifo(NotifyFifoConfig fifo) {
        if (fifo == null || fifo.script() == null) {
            return fifo;
        }
        return new NotifyFifoConfig(fifo.path(), fifo.user(), fifo.group(), notify(fifo.script()), fifo.source());
    }

    private NotifyScript notify(NotifyScript script) {
        if (script == null) {
            return null;
        }
        if (check(script.command(), script.user()) != null) {
            return null;
        }
        return new NotifyScript(resolved(script.command()), script.user(), script.group());
    }

    private String resolved(String command) {
        return ScriptLines.withResolvedProgram(command, ctx.probe());
    }

    /**
     * Why the script is disabled (keepalived's wording; empty when it is disabled without a
     * word), or {@code null} if it may run.
     */
    private String check(String command, String user) {
        String program = ScriptLines.firstWord(command);
        if (program.startsWith("<") && program.replaceFirst("^<\\s*", "").startsWith("/")) {
            return null;
        }
        if (ctx.probe().scriptProblem(program).isPresent()) {
            return "since not found/accessible";
        }
        sawScript = true;
        if (!ctx.probe().scriptExecutable(program)) {
            return "";
        }
        if (users.runsAsRoot(user, ctx.probe()) && ctx.probe().scriptSecurityProblem(program).isPresent()) {
            sawInsecure = true;
            if (global.scriptSecurity) {
                return "due to insecure";
            }
        }
        return null;
    }

    /** The scripts still tracked, for callers that need a list. */
    static List<String> names(Map<String, VrrpScriptConfig> scripts) {
        return new ArrayList<>(scripts.keySet());
    }
}
