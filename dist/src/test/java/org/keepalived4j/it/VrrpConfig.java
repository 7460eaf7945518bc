package org.keepalived4j.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** keepalived.conf text for one node of a test, valid for keepalived 2.2.7 and keepalived4j alike. */
final class VrrpConfig {

    private final List<String> globals = new ArrayList<>();
    private final List<String> blocks = new ArrayList<>();

    static VrrpConfig node() {
        return new VrrpConfig();
    }

    VrrpConfig global(String line) {
        globals.add(line);
        return this;
    }

    /**
     * keepalived's VRRP traps and MIBs (KEEPALIVED-MIB's VRRP part, VRRP-MIB, VRRPv3-MIB) through
     * snmpd's AgentX socket {@code agentxSocket}.
     */
    VrrpConfig snmpVrrp(Path agentxSocket) {
        return global("enable_traps").global("enable_snmp_vrrp").global("enable_snmp_rfcv2")
                .global("enable_snmp_rfcv3").global("snmp_socket unix:" + agentxSocket);
    }

    VrrpConfig block(String text) {
        blocks.add(text);
        return this;
    }

    /** A multicast VRRPv2 instance with PASS authentication and one VIP. */
    VrrpConfig instance(String name, String dev, int vrid, int priority, String vip, String... extra) {
        StringBuilder b = new StringBuilder();
        b.append("vrrp_instance ").append(name).append(" {\n")
                .append("    state BACKUP\n")
                .append("    interface ").append(dev).append('\n')
                .append("    virtual_router_id ").append(vrid).append('\n')
                .append("    priority ").append(priority).append('\n')
                .append("    advert_int 1\n");
        for (String line : extra) {
            b.append("    ").append(line).append('\n');
        }
        b.append("    virtual_ipaddress {\n        ").append(vip).append("/24\n    }\n}\n");
        blocks.add(b.toString());
        return this;
    }

    String text() {
        StringBuilder b = new StringBuilder("global_defs {\n    router_id it\n");
        for (String g : globals) {
            b.append("    ").append(g).append('\n');
        }
        b.append("}\n");
        for (String block : blocks) {
            b.append(block);
        }
        return b.toString();
    }

    /** The authentication block lines for an instance. */
    static String[] pass(String password) {
        return new String[] {"authentication {", "    auth_type PASS", "    auth_pass " + password, "}"};
    }
}
