package org.keepalived4j.config.vrrp;

import org.keepalived4j.config.SystemProbe;
import org.keepalived4j.config.keyword.KeywordTable;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;

/** {@code use_vmac [NAME] [MAC]}, {@code use_vmac_addr}, {@code vmac_xmit_base}, {@code use_ipvlan}, {@code vrf}. */
final class VmacKeywords {

    private VmacKeywords() {
    }

    static KeywordTable<InstanceDraft> register(KeywordTable<InstanceDraft> t) {
        return t.line("use_vmac", VmacKeywords::useVmac)
                .line("use_vmac_addr", (d, n, c) -> d.useVmacAddr = true)
                .line("vmac_xmit_base", (d, n, c) -> d.vmacXmitBase = true)
                .line("use_ipvlan", (d, n, c) -> {
                    if (d.useIpvlan) {
                        c.error(n, d.name, "use_ipvlan already specified");
                    }
                    d.useIpvlan = true;
                })
                .line("vrf", (d, n, c) -> {
                    String name = c.param(n, 0);
                    if (name.length() >= 16) {
                        c.error(n, d.name, "VRF interface name '" + name + "' too long - ignoring");
                    } else if (d.interfaceName != null) {
                        c.error(n, d.name, "Cannot specify VRF interface and interface - ignoring");
                    } else if (!c.interfaceUsable(name)) {
                        c.error(n, d.name, "WARNING - VRF interface " + name + " doesn't exist");
                    }
                });
    }

    private static void useVmac(InstanceDraft d, ConfigNode n, ParseContext c) {
        d.useVmac = true;
        for (int i = 0; i < n.args().size() && i < 2; i++) {
            String word = n.arg(i);
            if (word.indexOf(':') >= 0) {
                mac(d, n, c, word);
            } else if (d.vmacName != null) {
                c.error(n, null, "VMAC interface name already specified");
            } else if (!SystemProbe.validInterfaceName(word)) {
                c.error(n, null, "VMAC interface name '" + word + "' too long or invalid characters - ignoring");
            } else if (d.owner.vmacNameUser(word) != null) {
                c.error(n, d.name, "VRRP instance " + d.owner.vmacNameUser(word) + " is already using " + word
                        + " - ignoring name");
            } else {
                d.vmacName = word;
            }
        }
    }

    private static void mac(InstanceDraft d, ConfigNode n, ParseContext c, String text) {
        if (d.vmacMac != null) {
            c.error(n, null, "VMAC interface address already specified");
            return;
        }
        if (!text.matches("[0-9A-Fa-f:]+")) {
            c.error(n, null, "VMAC invalid MAC address " + text);
            return;
        }
        String[] octets = text.endsWith(":") ? text.substring(0, text.length() - 1).split(":", -1) : text.split(":", -1);
        boolean ok = (octets.length == 5 || octets.length == 6);
        for (String o : octets) {
            ok &= !o.isEmpty() && o.length() <= 2;
        }
        if (!ok) {
            c.error(n, null, "VMAC invalid MAC address " + text + " - ignored");
            return;
        }
        int first = Integer.parseInt(octets[0], 16);
        if ((first & 1) != 0) {
            c.error(n, null, "VMAC MAC address is multicast " + text + " - ignoring");
            return;
        }
        boolean rfc = first == 0 && Integer.parseInt(octets[1], 16) == 0 && Integer.parseInt(octets[2], 16) == 0x5e
                && Integer.parseInt(octets[3], 16) == 0 && (Integer.parseInt(octets[4], 16) == 1
                        || Integer.parseInt(octets[4], 16) == 2);
        if (rfc) {
            c.error(n, null, "VMAC MAC address not allowed to be RFC5798 address (" + text + ") - ignoring");
            return;
        }
        d.vmacMac = text;
    }
}
