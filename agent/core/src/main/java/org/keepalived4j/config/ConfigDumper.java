package org.keepalived4j.config;

import java.util.List;
import org.keepalived4j.config.keyword.Args;
import org.keepalived4j.model.Setting;
import org.keepalived4j.model.Settings;

/**
 * Renders a {@link KeepalivedConfig} as indented, keepalived-block-like text for {@code -t -D}
 * and {@code --dump-config}. Every secret is masked: {@code auth_pass}, and any keepalived4j
 * setting whose keyword names a secret ({@link Settings#namesSecret}).
 */
public final class ConfigDumper {

    static final String MASK = Settings.MASK;

    /** How a line of a keepalived4j block is shown: its arguments, secrets masked. */
    public interface Shown {
        List<String> args(String block, Setting setting);
    }

    /** Masks every argument of a keyword that names a secret, and the value of a credential header line. */
    public static final Shown BY_KEYWORD = (block, s) -> Settings.shown(s);

    private final StringBuilder out = new StringBuilder();
    private final Shown shown;
    private int depth;

    private ConfigDumper(Shown shown) {
        this.shown = shown;
    }

    /** The whole configuration as text, keepalived4j blocks' secrets masked by keyword. */
    public static String dump(KeepalivedConfig config) {
        return dump(config, BY_KEYWORD);
    }

    /** The whole configuration as text, keepalived4j blocks' lines as {@code shown} says. */
    public static String dump(KeepalivedConfig config, Shown shown) {
        ConfigDumper d = new ConfigDumper(shown);
        d.global(config.global());
        d.statics(config.statics());
        config.scripts().forEach(d::script);
        config.trackFiles().forEach(f -> d.block("track_file " + f.name(), () -> {
            d.line("file " + f.path());
            d.line("weight " + f.weight() + (f.reverse() ? " reverse" : ""));
        }));
        config.trackProcesses().forEach(p -> d.block("vrrp_track_process " + p.name(), () -> {
            d.line("process " + p.process() + (p.parameters() == null ? "" : " " + p.parameters()));
            d.line("quorum " + p.quorum() + " quorum_max " + p.quorumMax() + " weight " + p.weight());
        }));
        config.bfdInstances().forEach(b -> d.block("bfd_instance " + b.name(), () -> {
            d.line("neighbor_ip " + b.neighbor().getHostAddress());
            d.line("weight " + b.weight() + (b.reverse() ? " reverse" : ""));
        }));
        config.syncGroups().forEach(d::syncGroup);
        config.vrrpInstances().forEach(d::instance);
        config.extensions().values().forEach(d::settings);
        return d.out.toString();
    }

    private void global(GlobalConfig g) {
        block("global_defs", () -> {
            line("router_id " + g.routerId());
            line("notification_email_from " + g.smtp().from());
            if (g.smtp().server() != null) {
                line("smtp_server " + g.smtp().server() + " " + g.smtp().port());
            }
            if (!g.smtp().recipients().isEmpty()) {
                line("notification_email " + String.join(" ", g.smtp().recipients()));
            }
            line("vrrp_version " + g.vrrpVersion());
            line("vrrp_mcast_group4 " + g.mcastGroup4().getHostAddress());
            line("vrrp_mcast_group6 " + g.mcastGroup6().getHostAddress());
            flag("vrrp_strict", g.strict());
            flag("vrrp_skip_check_adv_addr", g.skipCheckAdvAddr());
            flag("enable_script_security", g.enableScriptSecurity());
            if (g.scriptUser() != null) {
                line("script_user " + g.scriptUser() + (g.scriptGroup() == null ? "" : " " + g.scriptGroup()));
            }
            SnmpGlobalConfig snmp = g.snmp();
            flag("enable_traps", snmp.enableTraps());
            flag("enable_snmp_vrrp", snmp.enableVrrp());
            flag("enable_snmp_checker", snmp.enableChecker());
            flag("enable_snmp_rfc", snmp.enableRfc());
            flag("enable_snmp_rfcv2", snmp.enableRfcV2());
            flag("enable_snmp_rfcv3", snmp.enableRfcV3());
            if (snmp.socket() != null) {
                line("snmp_socket " + snmp.socket());
            }
        });
    }

    private void statics(StaticConfig s) {
        if (!s.addresses().isEmpty()) {
            block("static_ipaddress", () -> s.addresses().forEach(this::vip));
        }
        if (!s.routes().isEmpty()) {
            block("static_routes", () -> s.routes().forEach(r -> line(String.join(" ", r.spec()))));
        }
        if (!s.rules().isEmpty()) {
            block("static_rules", () -> s.rules().forEach(r -> line(String.join(" ", r.spec()) + " # preference "
                    + r.preference())));
        }
    }

    private void script(VrrpScriptConfig s) {
        block("vrrp_script " + s.name(), () -> {
            line("script \"" + s.command() + "\"");
            line("interval " + Args.formatMicros(s.intervalMicros()));
            line("weight " + s.weight() + (s.weightReverse() ? " reverse" : ""));
            line("rise " + s.rise() + " fall " + s.fall());
        });
    }

    private void syncGroup(SyncGroupConfig g) {
        block("vrrp_sync_group " + g.name(), () -> {
            line("group { " + String.join(" ", g.members()) + " }");
            tracking(g.tracking());
        });
    }

    private void instance(VrrpInstanceConfig i) {
        block("vrrp_instance " + i.name(), () -> {
            line("state " + i.initialState());
            if (i.interfaceName() != null) {
                line("interface " + i.interfaceName());
            }
            line("virtual_router_id " + i.vrid());
            line("priority " + i.priority());
            line("advert_int " + Args.formatMicros(i.advertIntervalMicros()));
            line("version " + i.version());
            flag("nopreempt", !i.preempt());
            if (i.preemptDelayMicros() > 0) {
                line("preempt_delay " + Args.formatMicros(i.preemptDelayMicros()));
            }
            if (i.auth().type() != AuthType.NONE) {
                block("authentication", () -> {
                    line("auth_type " + i.auth().type());
                    line("auth_pass " + MASK);
                });
            }
            block("virtual_ipaddress", () -> i.vips().forEach(this::vip));
            if (!i.excludedVips().isEmpty()) {
                block("virtual_ipaddress_excluded", () -> i.excludedVips().forEach(this::vip));
            }
            if (!i.virtualRoutes().isEmpty()) {
                block("virtual_routes", () -> i.virtualRoutes().forEach(r -> line(String.join(" ", r.spec()))));
            }
            if (i.transport().unicast()) {
                block("unicast_peer", () -> i.transport().unicastPeers().forEach(p -> line(p.address()
                        .getHostAddress())));
            }
            tracking(i.tracking());
            flag("strict_mode", i.strictMode());
            flag("smtp_alert", i.smtpAlert());
        });
    }

    private void tracking(TrackingConfig t) {
        refs("track_interface", t.interfaces());
        refs("track_script", t.scripts());
        refs("track_file", t.files());
        refs("track_process", t.processes());
        refs("track_bfd", t.bfds());
    }

    private void refs(String keyword, List<TrackRef> refs) {
        if (!refs.isEmpty()) {
            block(keyword, () -> refs.forEach(r -> line(r.name() + (r.weight() == null ? "" : " weight " + r.weight())
                    + (r.reverse() ? " reverse" : ""))));
        }
    }

    private void vip(VipConfig v) {
        line(v.address() + (v.device() == null ? "" : " dev " + v.device()) + (v.label() == null ? "" : " label "
                + v.label()) + (v.scope() == null ? "" : " scope " + v.scope()) + (v.noTrack() ? " no_track" : ""));
    }

    private void settings(Settings s) {
        block(s.name(), () -> s.entries().forEach(e -> setting(s.name(), e)));
    }

    private void setting(String blockName, Setting s) {
        String words = String.join(" ", shown.args(blockName, s));
        if (s.block() == null) {
            line(s.keyword() + (words.isEmpty() ? "" : " " + words));
        } else {
            block(s.keyword() + (words.isEmpty() ? "" : " " + words),
                    () -> s.block().entries().forEach(e -> setting(blockName, e)));
        }
    }

    private void flag(String keyword, boolean on) {
        if (on) {
            line(keyword);
        }
    }

    private void block(String head, Runnable body) {
        line(head + " {");
        depth++;
        body.run();
        depth--;
        line("}");
    }

    private void line(String text) {
        out.append("    ".repeat(depth)).append(text).append('\n');
    }
}
