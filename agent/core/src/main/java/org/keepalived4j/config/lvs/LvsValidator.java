package org.keepalived4j.config.lvs;

import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.config.CheckerDefaultsConfig;
import org.keepalived4j.config.ForwardingConfig;
import org.keepalived4j.config.GlobalConfig;
import org.keepalived4j.config.MiscCheckConfig;
import org.keepalived4j.config.NotifyScript;
import org.keepalived4j.config.RealServerConfig;
import org.keepalived4j.config.SorryServerConfig;
import org.keepalived4j.config.TrackFileConfig;
import org.keepalived4j.config.VirtualServerConfig;
import org.keepalived4j.config.VirtualServerGroupConfig;
import org.keepalived4j.config.VirtualServerGroupEntry;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.keyword.ScriptLines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * keepalived's validate_check_config: fills in defaults, fixes what it fixes with a warning,
 * drops what it drops, and resolves inheritance (virtual server to real server to checker).
 * Its messages carry no line, as keepalived's do.
 */
final class LvsValidator {

    private static final Logger LOG = LoggerFactory.getLogger(LvsValidator.class);

    private final ParseContext ctx;
    private final GlobalConfig global;
    private final List<VirtualServerGroupConfig> groups;
    private final CheckerBuilder checkers;

    LvsValidator(ParseContext ctx, GlobalConfig global, List<TrackFileConfig> trackFiles,
            List<VirtualServerGroupConfig> groups) {
        this.ctx = ctx;
        this.global = global;
        this.groups = groups;
        this.checkers = new CheckerBuilder(ctx, trackFiles);
    }

    VirtualServerConfig virtualServer(VirtualServerDraft vs) {
        if (vs.realServers.isEmpty()) {
            note("Virtual server " + vs.display() + " has no real servers - ignoring");
            return null;
        }
        VirtualServerGroupConfig group = null;
        if (vs.groupName != null) {
            group = groups.stream().filter(g -> g.name().equals(vs.groupName)).findFirst().orElse(null);
            if (group == null) {
                LOG.warn("Virtual server group {} specified but not configured - ignoring virtual server {}",
                        vs.groupName, vs.display());
                return null;
            }
        }
        boolean fwmarkOnly = vs.usesFwmarkOnly()
                || group != null && group.entries().stream().allMatch(VirtualServerGroupEntry::isFwmark);
        serviceChecks(vs, group, fwmarkOnly);
        List<String> portNotes = new ArrayList<>();
        List<RealServerConfig> realServers = realServers(vs, group, portNotes);
        long weightSum = realServers.stream().mapToLong(RealServerConfig::weight).sum();
        if (vs.quorum > weightSum) {
            note("Warning - quorum " + vs.quorum + " for " + vs.display() + " exceeds total weight of real servers "
                    + weightSum + ", reducing quorum to " + weightSum);
            vs.quorum = weightSum;
        }
        if (vs.hysteresis >= vs.quorum) {
            long fixed = Math.max(0, vs.quorum - 1);
            note("Virtual server " + vs.display() + ": hysteresis " + vs.hysteresis + " >= quorum " + vs.quorum
                    + "; setting hysteresis to " + fixed);
            vs.hysteresis = fixed;
        }
        portNotes.forEach(this::note);
        portNotes.clear();
        if (vs.sorryAddress != null && group == null) {
            ForwardingConfig sorryForwarding = vs.sorryForwarding != null ? vs.sorryForwarding : vs.forwarding;
            vs.sorryPort = fixedPort(vs, sorryForwarding, vs.sorryPort, "sorry server", portNotes);
            portNotes.forEach(this::note);
        }
        SorryServerConfig sorry = vs.sorryAddress == null ? null : new SorryServerConfig(vs.sorryAddress,
                vs.sorryPort, vs.sorryForwarding != null ? vs.sorryForwarding : vs.forwarding, vs.sorryInhibit);
        boolean smtpAlert = vs.smtpAlert != null ? vs.smtpAlert : globalAlert(false);
        return new VirtualServerConfig(vs.location, vs.address, vs.port, vs.fwmark, group, vs.family == 6,
                vs.protocol, vs.scheduler, vs.flags, vs.forwarding, vs.persistenceTimeout, vs.persistenceEngine,
                vs.persistenceGranularity, vs.haSuspend, smtpAlert, vs.virtualhost, vs.snmpName, vs.alpha, vs.omega,
                vs.quorum, vs.hysteresis, vs.quorumUp, vs.quorumDown, sorry, new CheckerDefaultsConfig(vs.alpha,
                vs.retry, vs.delayBeforeRetry, vs.warmup, vs.delayLoop, vs.connectTimeout), realServers, vs.weight,
                vs.inhibit);
    }

    private void serviceChecks(VirtualServerDraft vs, VirtualServerGroupConfig group, boolean fwmarkOnly) {
        if (vs.haSuspend && (vs.fwmark != 0 || group != null && group.entries().stream()
                .anyMatch(VirtualServerGroupEntry::isFwmark))) {
            note("Virtual server " + vs.display() + ": cannot use ha_suspend with fwmarks - clearing ha_suspend");
            vs.haSuspend = false;
        }
        if (!fwmarkOnly) {
            if (vs.protocol == null) {
                note("Virtual server " + vs.display() + ": no protocol set - defaulting to UDP");
                vs.protocol = "udp";
            }
            if ((vs.flags & VirtualServerParser.F_ONEPACKET) != 0 && !vs.protocol.equals("udp")) {
                note("Virtual server " + vs.display() + ": one packet scheduling requires UDP - resetting");
                vs.flags &= ~VirtualServerParser.F_ONEPACKET;
            }
            boolean zeroPort = group == null ? vs.port == 0 : group.entries().stream()
                    .anyMatch(e -> !e.isFwmark() && e.port() == 0);
            if (vs.persistenceTimeout == 0 && zeroPort) {
                note("Virtual server " + vs.display() + ": zero port only valid for persistent services - setting");
                vs.persistenceTimeout = VirtualServerDraft.PERSISTENT_TIMEOUT;
            }
        } else if (vs.protocol != null) {
            note("Warning: Virtual server " + vs.display() + ": protocol specified for fwmark - protocol will be ignored");
            vs.protocol = null;
        }
        if (vs.family == 0) {
            vs.family = 4;
        }
        if (vs.scheduler == null) {
            note("Virtual server " + vs.display() + ": no scheduler set, setting default 'wlc'");
            vs.scheduler = "wlc";
        }
    }

    private List<RealServerConfig> realServers(VirtualServerDraft vs, VirtualServerGroupConfig group,
            List<String> portNotes) {
        List<RealServerDraft> kept = new ArrayList<>();
        for (RealServerDraft rs : vs.realServers) {
            if (kept.stream().anyMatch(rs::sameServer)) {
                note("VS " + vs.display() + ": real server " + vs.trio(rs.address, rs.port)
                        + " is duplicated - removing second rs");
            } else {
                kept.add(rs);
            }
        }
        boolean needsDefault = vs.forwarding == null && (kept.stream().anyMatch(rs -> rs.forwarding == null)
                || vs.sorryAddress != null && vs.sorryForwarding == null);
        if (needsDefault) {
            note("Virtual server " + vs.display() + ": no forwarding method set, setting default NAT");
        }
        if (vs.forwarding == null) {
            vs.forwarding = ForwardingConfig.NAT;
        }
        List<RealServerConfig> out = new ArrayList<>();
        for (RealServerDraft rs : kept) {
            if (group == null) {
                ForwardingConfig forwarding = rs.forwarding != null ? rs.forwarding : vs.forwarding;
                rs.port = fixedPort(vs, forwarding, rs.port, "real server " + vs.trio(rs.address, rs.port), portNotes);
            }
            out.add(realServer(vs, rs));
        }
        return out;
    }

    private RealServerConfig realServer(VirtualServerDraft vs, RealServerDraft rs) {
        ForwardingConfig forwarding = rs.forwarding != null ? rs.forwarding : vs.forwarding;
        boolean inhibit = rs.inhibit != null ? rs.inhibit : vs.inhibit;
        if (vs.sorryAddress != null && vs.sorryAddress.equals(rs.address) && vs.sorryPort == rs.port
                && vs.sorryInhibit != inhibit) {
            note("Virtual server " + vs.display() + ": real server " + vs.trio(rs.address, rs.port)
                    + " matches sorry server, but inhibit setting differs, " + (inhibit ? "sett" : "clear")
                    + "ing on sorry server");
            vs.sorryInhibit = inhibit;
        }
        rs.alpha = rs.alpha != null ? rs.alpha : vs.alpha;
        rs.retry = rs.retry != null ? rs.retry : vs.retry;
        rs.connectTimeout = rs.connectTimeout != null ? rs.connectTimeout : vs.connectTimeout;
        rs.delayLoop = rs.delayLoop != null ? rs.delayLoop : vs.delayLoop;
        rs.warmup = rs.warmup != null ? rs.warmup : vs.warmup;
        rs.delayBeforeRetry = rs.delayBeforeRetry != null ? rs.delayBeforeRetry : vs.delayBeforeRetry;
        int weight = rs.weight != null ? rs.weight : vs.weight;
        boolean smtpAlert = rs.smtpAlert != null ? rs.smtpAlert : globalAlert(true);
        String virtualhost = rs.virtualhost != null ? rs.virtualhost : vs.virtualhost;
        rs.forwarding = forwarding;
        return new RealServerConfig(rs.location, rs.address, rs.port, weight, forwarding, rs.upperThreshold,
                rs.lowerThreshold, inhibit, rs.notifyUp, rs.notifyDown, smtpAlert, rs.virtualhost, rs.snmpName,
                new CheckerDefaultsConfig(rs.alpha, rs.retry, rs.delayBeforeRetry, rs.warmup, rs.delayLoop,
                        rs.connectTimeout), checkers.build(rs, virtualhost));
    }

    /** keepalived's port rules for a real or sorry server; warnings are queued to keep keepalived's order. */
    private int fixedPort(VirtualServerDraft vs, ForwardingConfig forwarding, int port, String what,
            List<String> notes) {
        if (forwarding.method().equals("NAT")) {
            return vs.fwmark == 0 && port == 0 ? vs.port : port;
        }
        if (vs.fwmark != 0) {
            if (port != 0) {
                notes.add("WARNING - fwmark virtual server " + vs.display() + ", " + what
                        + " has port specified - clearing");
            }
            return 0;
        }
        if (port != 0 && port != vs.port) {
            notes.add("WARNING - virtual server " + vs.display() + " and " + what + " ports don't match - resetting");
        }
        return vs.port;
    }

    private boolean globalAlert(boolean fallback) {
        if (global == null || global.smtp() == null) {
            return fallback;
        }
        if (global.smtp().alertChecker() != null) {
            return global.smtp().alertChecker();
        }
        return global.smtp().alert() != null ? global.smtp().alert() : fallback;
    }

    /**
     * keepalived's checker reports check scripts (MISC_CHECK, notify_up/down, quorum_up/down)
     * without enable_script_security as a SECURITY VIOLATION, and {@code keepalived -t} exits 6.
     */
    void checkScriptSecurity(List<VirtualServerConfig> servers) {
        if (global != null && global.enableScriptSecurity()) {
            return;
        }
        boolean scripts = servers.stream().anyMatch(vs -> runnable(vs.quorumUp()) || runnable(vs.quorumDown())
                || vs.realServers().stream().anyMatch(rs -> runnable(rs.notifyUp()) || runnable(rs.notifyDown())
                || rs.checkers().stream().anyMatch(c -> c instanceof MiscCheckConfig m && runnable(m.command()))));
        if (scripts) {
            ctx.diagnostics().securityViolation(
                    "SECURITY VIOLATION - check scripts are being executed but script_security not enabled.");
        }
    }

    /** Whether keepalived would run the script: its program exists (one that does not is dropped, unreported). */
    private boolean runnable(NotifyScript script) {
        return script != null && runnable(script.command());
    }

    private boolean runnable(String command) {
        return command != null && ctx.probe().scriptProblem(ScriptLines.firstWord(command)).isEmpty();
    }

    private void note(String message) {
        ctx.diagnostics().warning(null, message);
    }
}
