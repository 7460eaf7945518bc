package org.keepalived4j.config.vrrp;

import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.config.AuthType;
import org.keepalived4j.config.VipConfig;
import org.keepalived4j.config.VrrpInstanceConfig;
import org.keepalived4j.config.global.GlobalDraft;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.model.VrrpState;

/**
 * What keepalived does to each instance once the whole file is read (vrrp_complete_instance):
 * defaults from global_defs, the VRRP version from the address family, strict-mode rules, the
 * advert interval rounding for the version, and the consistency rules that clear or reset
 * options with a complaint. An instance it cannot run makes keepalived refuse the configuration.
 */
final class InstanceCompletion {

    private final ParseContext ctx;
    private final GlobalDraft g;

    InstanceCompletion(ParseContext ctx, GlobalDraft global) {
        this.ctx = ctx;
        this.g = global;
    }

    /** keepalived's minimal configuration check, done for every instance before anything else. */
    boolean minimal(InstanceDraft d) {
        if (d.vrid == 0) {
            err(d, "the virtual router id must be set");
            return false;
        }
        if (d.interfaceName == null && d.peers.isEmpty()) {
            err(d, "Unknown interface!");
            return false;
        }
        return true;
    }

    /** Completes one instance; {@code null} when keepalived refuses the configuration because of it. */
    VrrpInstanceConfig complete(InstanceDraft d, SyncGroupParser.Draft group) {
        boolean strict = d.strictMode != null ? d.strictMode : g.strict;
        if (d.family == 6 && d.version == 2 && strict) {
            err(d, "cannot use IPv6 with VRRP version 2; setting version 3");
            d.version = 3;
        } else if (d.family == 6 && d.version == 0) {
            d.version = 3;
        }
        if (d.family == 0) {
            d.family = 4;
        }
        if (d.version == 0) {
            d.version = g.vrrpVersion;
        }
        if (d.vips.isEmpty() && (d.version == 3 || strict)) {
            err(d, "No VIP specified; at least one is required");
            return null;
        }
        if (d.priority == 0) {
            d.priority = d.state == VrrpState.MASTER ? 255 : 100;
        }
        if (d.state == null) {
            d.state = d.priority == 255 ? VrrpState.MASTER : VrrpState.BACKUP;
        } else if (strict && (d.state == VrrpState.MASTER) != (d.priority == 255)) {
            err(d, "State MASTER must match being address owner");
            d.state = d.priority == 255 ? VrrpState.MASTER : VrrpState.BACKUP;
        }
        authentication(d, strict);
        boolean unicast = !d.peers.isEmpty();
        if (strict && unicast && d.interfaceName != null) {
            err(d, "Unicast peers are not supported in strict mode");
            return null;
        }
        if (d.interfaceName == null) {
            if (d.sourceAddress == null) {
                err(d, "Unicast instances must have unicast_src_ip or interface");
                return null;
            }
            if (d.family == 6 && d.sourceAddress.isLinkLocalAddress()) {
                err(d, "Non link-local address required if interface omitted");
                return null;
            }
        }
        if (d.unicastConfigured && !unicast) {
            if (d.unicastFaultNoPeer) {
                ctx.info(d.node, d.name, "Cannot use unicast without any peers - going to fault state");
                d.configFaults++;
            } else {
                warn(d, "A unicast keyword has been specified without any unicast peers. Defaulting to multicast."
                        + " This usage is deprecated - please update your configuration.");
            }
        }
        if (strict && d.vmacMac != null) {
            err(d, "cannot specify MAC address with strict mode - clearing");
            d.vmacMac = null;
        }
        if (d.family == 6 && !unicast && !d.vips.isEmpty()
                && !d.vips.get(0).address().address().isLinkLocalAddress()) {
            if (strict) {
                err(d, "the first IPv6 VIP address must be link local");
            } else {
                ctx.info(d.node, d.name, "the first IPv6 VIP address should be link local");
            }
        }
        moveExcessVips(d);
        preemption(d, strict);
        return InstanceAssembly.finish(ctx, g, d, group, strict, unicast);
    }

    private void authentication(InstanceDraft d, boolean strict) {
        if (d.authType == AuthType.NONE) {
            return;
        }
        if (strict) {
            err(d, "Strict mode does not support authentication. Ignoring.");
            d.authType = AuthType.NONE;
        } else if (d.version == 3) {
            err(d, "VRRP version 3 does not support authentication. Ignoring.");
            d.authType = AuthType.NONE;
        } else if (d.authPass == null || d.authPass.isEmpty()) {
            err(d, "Authentication specified but no password given. Ignoring");
            d.authType = AuthType.NONE;
        } else if (d.family == 6 && d.authType == AuthType.AH) {
            err(d, "Cannot use AH authentication with IPv6. ignoring");
            d.authType = AuthType.NONE;
        } else if (d.authType == AuthType.AH && d.state == VrrpState.MASTER && d.priority != 255) {
            warn(d, "Initial state master is incompatible with AH authentication - clearing");
            d.state = VrrpState.BACKUP;
        }
        if (d.authType == AuthType.AH) {
            // keepalived4j does not implement IPsec-AH: say so here, where -t shows it; the daemon
            // keeps the instance in FAULT rather than run it unauthenticated.
            err(d, "auth_type AH (IPsec-AH) is not supported by keepalived4j - this instance will not run;"
                    + " use auth_type PASS or no authentication");
        }
    }

    private void moveExcessVips(InstanceDraft d) {
        int header = d.family == 4 ? 14 + 20 + 8 + (d.version == 2 ? 8 : 0)
                + (d.version == 2 && d.authType == AuthType.AH ? 24 : 0) : 14 + 40 + 8;
        int max = Math.min(255, (1500 - header) / (d.family == 4 ? 4 : 16));
        if (d.vips.size() > max) {
            err(d, "Number of VIPs (" + d.vips.size() + ") exceeds maximum/space available in packet (max " + max
                    + " addresses) - excess moved to eVIPs");
            List<VipConfig> excess = new ArrayList<>(d.vips.subList(max, d.vips.size()));
            d.vips.subList(max, d.vips.size()).clear();
            d.excludedVips.addAll(excess);
        }
    }

    private void preemption(InstanceDraft d, boolean strict) {
        if (d.priority == 255 && d.nopreempt) {
            err(d, "nopreempt is incompatible with priority 255. resetting nopreempt");
            d.nopreempt = false;
        }
        if (d.state == VrrpState.MASTER) {
            if (d.nopreempt) {
                warn(d, "nopreempt will not work with initial state MASTER - clearing");
                d.nopreempt = false;
            }
            if (d.preemptDelayMicros != 0) {
                warn(d, "preempt delay will not work with initial state MASTER - clearing");
                d.preemptDelayMicros = 0;
            }
        }
        if (d.preemptDelayMicros != 0) {
            if (strict) {
                err(d, "preempt_delay is incompatible with strict mode - resetting");
                d.preemptDelayMicros = 0;
            }
            if (d.nopreempt) {
                err(d, "preempt_delay is incompatible with nopreempt mode - resetting");
                d.preemptDelayMicros = 0;
            }
        }
        if (d.downTimerAdverts != 3 && strict) {
            err(d, "down_timer_adverts is incompatible with strict mode - resetting");
            d.downTimerAdverts = 3;
        }
    }

    private void err(InstanceDraft d, String message) {
        ctx.error(d.node, d.name, message);
    }

    private void warn(InstanceDraft d, String message) {
        ctx.warning(d.node, d.name, message);
    }

    static boolean ipv6(java.net.InetAddress a) {
        return a instanceof Inet6Address;
    }
}
