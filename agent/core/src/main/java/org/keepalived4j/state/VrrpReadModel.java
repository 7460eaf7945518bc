package org.keepalived4j.state;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.config.BfdInstanceConfig;
import org.keepalived4j.config.KeepalivedConfig;
import org.keepalived4j.config.NotifyConfig;
import org.keepalived4j.config.NotifyScript;
import org.keepalived4j.config.RouteConfig;
import org.keepalived4j.config.RuleConfig;
import org.keepalived4j.config.SyncGroupConfig;
import org.keepalived4j.config.TrackFileConfig;
import org.keepalived4j.config.TrackProcessConfig;
import org.keepalived4j.config.TrackResolution;
import org.keepalived4j.config.VipConfig;
import org.keepalived4j.config.VrrpInstanceConfig;
import org.keepalived4j.config.VrrpScriptConfig;
import org.keepalived4j.config.keyword.ScriptLines;
import org.keepalived4j.model.AddressSettings;
import org.keepalived4j.model.NotifySettings;
import org.keepalived4j.model.RouteSettings;
import org.keepalived4j.model.RuleSettings;
import org.keepalived4j.model.ScriptLine;
import org.keepalived4j.model.SyncGroupSettings;
import org.keepalived4j.model.TrackBfdSnapshot;
import org.keepalived4j.model.TrackFileSnapshot;
import org.keepalived4j.model.TrackProcessSnapshot;
import org.keepalived4j.model.VrrpInstanceSettings;
import org.keepalived4j.model.VrrpScriptSettings;
import org.keepalived4j.net.AddressText;

/**
 * How the VRRP side of a configuration appears in the read model: the settings of instances,
 * sync groups and vrrp_scripts, built once per (re)load and shared by every snapshot until the
 * next. Indexes are positions in configuration order, from 1. Passwords are never copied.
 */
public final class VrrpReadModel {

    private VrrpReadModel() {
    }

    /**
     * The settings of instance {@code c}, number {@code index}, in {@code config}; with a
     * {@code null} config, those of the instance alone (no sync group, nothing resolved against
     * the globals): what an instance shows before the engine has placed it.
     */
    public static VrrpInstanceSettings instance(VrrpInstanceConfig c, int index, KeepalivedConfig config) {
        var t = c.transport();
        String group = null;
        if (t.unicastPeers().isEmpty()) {
            InetAddress global = config == null ? null : c.ipv6() ? config.global().mcastGroup6()
                    : config.global().mcastGroup4();
            InetAddress destination = t.mcastDstIp() != null ? t.mcastDstIp() : global;
            group = destination != null ? AddressText.of(destination) : c.ipv6() ? "ff02::12" : "224.0.0.18";
        }
        List<String> peers = t.unicastPeers().stream().map(p -> AddressText.of(p.address())).toList();
        return new VrrpInstanceSettings(index, c.name(), c.vrid(), c.interfaceName(), c.version(), c.ipv6(),
                c.initialState(), c.priority(), micros(c.advertIntervalMicros()), c.preempt(),
                micros(c.preemptDelayMicros()), c.auth().type().name(), micros(c.garp().masterDelayMicros()),
                config == null ? null : config.syncGroupOf(c.name()).map(SyncGroupConfig::name).orElse(null),
                c.accept(), c.dontTrackPrimary(), c.promoteSecondaries(), c.smtpAlert(), c.notifyPriorityChanges(),
                notify(c.notifyScripts()), group, text(t.unicastSrcIp()), peers, addresses(c), routes(c.virtualRoutes()),
                rules(c.virtualRules()), config == null ? List.of() : TrackResolution.resolve(c.tracking(), config),
                config != null && config.global().linkbeatUsePolling());
    }

    public static SyncGroupSettings syncGroup(SyncGroupConfig g, int index, KeepalivedConfig config) {
        return new SyncGroupSettings(index, g.name(), g.members(), notify(g.notifyScripts()), g.smtpAlert(),
                g.syncGroupTrackingWeight(), TrackResolution.resolve(g.tracking(), config));
    }

    public static VrrpScriptSettings script(VrrpScriptConfig s, int index) {
        Duration interval = micros(s.intervalMicros());
        return new VrrpScriptSettings(index, s.name(), scriptLine(s.command(), s.user(), s.group()), interval,
                s.timeoutMicros() > 0 ? micros(s.timeoutMicros()) : interval, s.weight(), s.weightReverse(), s.rise(),
                s.fall(), s.initFail());
    }

    static NotifySettings notify(NotifyConfig n) {
        if (n == null) {
            return NotifySettings.NONE;
        }
        return new NotifySettings(line(n.master()), line(n.backup()), line(n.fault()), line(n.stop()),
                line(n.deleted()), n.deleted() != null || n.deletedWithoutScript(), line(n.any()),
                line(n.masterRxLowerPri()));
    }

    public static ScriptLine line(NotifyScript s) {
        return s == null ? null : scriptLine(s.command(), s.user(), s.group());
    }

    /** A script with its words as keepalived splits them (quotes group, backslash escapes). */
    private static ScriptLine scriptLine(String command, String user, String group) {
        return new ScriptLine(command, user, group, ScriptLines.words(command));
    }

    private static List<AddressSettings> addresses(VrrpInstanceConfig c) {
        List<AddressSettings> out = new ArrayList<>(c.vips().size() + c.excludedVips().size());
        for (VipConfig v : c.vips()) {
            out.add(address(v, out.size() + 1, c.interfaceName(), true));
        }
        for (VipConfig v : c.excludedVips()) {
            out.add(address(v, out.size() + 1, c.interfaceName(), false));
        }
        return out;
    }

    private static AddressSettings address(VipConfig v, int index, String defaultDevice, boolean advertised) {
        return new AddressSettings(index, AddressText.of(v.address().address()), v.address().prefixLength(),
                v.address().ipv6(), text(v.broadcast()), v.device() != null ? v.device() : defaultDevice, v.label(),
                v.scope(), text(v.peer()), advertised);
    }

    private static List<RouteSettings> routes(List<RouteConfig> routes) {
        List<RouteSettings> out = new ArrayList<>(routes.size());
        for (RouteConfig r : routes) {
            out.add(new RouteSettings(out.size() + 1, r.destination() == null ? "default" : r.destination().toString(),
                    r.device(), r.spec(), r.noTrack()));
        }
        return out;
    }

    private static List<RuleSettings> rules(List<RuleConfig> rules) {
        List<RuleSettings> out = new ArrayList<>(rules.size());
        for (RuleConfig r : rules) {
            out.add(new RuleSettings(out.size() + 1, r.preference(), r.spec(), r.noTrack()));
        }
        return out;
    }

    static Duration micros(long micros) {
        return Duration.ofNanos(micros * 1000);
    }

    static String text(InetAddress address) {
        return address == null ? null : AddressText.of(address);
    }

    /** A vrrp_track_file, number {@code index}, holding {@code value} now. */
    public static TrackFileSnapshot trackFile(TrackFileConfig f, int index, long value) {
        return new TrackFileSnapshot(index, f.name(), f.path(), f.weight(), f.reverse(), value);
    }

    /** A vrrp_track_process, number {@code index}, seeing {@code running} processes now. */
    public static TrackProcessSnapshot trackProcess(TrackProcessConfig p, int index, int running, boolean up) {
        return new TrackProcessSnapshot(index, p.name(), p.process(), p.parameters(), p.paramMatch(), p.weight(),
                p.reverse(), p.quorum(), p.quorumMax(), micros(p.forkDelayMicros()), micros(p.terminateDelayMicros()),
                p.fullCommand(), running, up);
    }

    /** A BFD session, number {@code index}: never up, since keepalived4j does not run BFD. */
    public static TrackBfdSnapshot trackBfd(BfdInstanceConfig b, int index) {
        return new TrackBfdSnapshot(index, b.name(), b.weight(), b.reverse(), false);
    }
}
