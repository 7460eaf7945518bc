package org.keepalived4j.vrrp.net;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.keepalived4j.linux.Sysctl;

/**
 * The IPv4 interface parameters keepalived sets for a VMAC: on the VMAC itself, and on its base
 * interface while at least one VMAC sits on it (reference counted, previous values restored).
 */
final class VmacSysctls {

    private final Sysctl sysctl;
    private final Map<Integer, Saved> saved = new HashMap<>();

    VmacSysctls(Sysctl sysctl) {
        this.sysctl = sysctl;
    }

    void configureVmac(String vmac) throws IOException {
        String conf = "net/ipv4/conf/" + vmac + "/";
        sysctl.write(conf + "arp_ignore", 1);
        sysctl.write(conf + "accept_local", 1);
        sysctl.write(conf + "rp_filter", 0);
        sysctl.write(conf + "promote_secondaries", 1);
        String ipv6 = "net/ipv6/conf/" + vmac + "/disable_ipv6";
        if (sysctl.exists(ipv6)) {
            sysctl.write(ipv6, 1);
        }
    }

    void acquire(int index, String name) throws IOException {
        Saved entry = saved.get(index);
        if (entry != null) {
            entry.users++;
            return;
        }
        String conf = "net/ipv4/conf/" + name + "/";
        entry = new Saved(name, sysctl.read(conf + "arp_ignore"), sysctl.read(conf + "arp_filter"));
        sysctl.write(conf + "arp_ignore", 1);
        sysctl.write(conf + "arp_filter", 1);
        saved.put(index, entry);
    }

    void release(int index) throws IOException {
        Saved entry = saved.get(index);
        if (entry == null || --entry.users > 0) {
            return;
        }
        saved.remove(index);
        String conf = "net/ipv4/conf/" + entry.name + "/";
        if (sysctl.exists(conf + "arp_ignore")) {
            sysctl.write(conf + "arp_ignore", entry.arpIgnore);
            sysctl.write(conf + "arp_filter", entry.arpFilter);
        }
    }

    private static final class Saved {
        final String name;
        final int arpIgnore;
        final int arpFilter;
        int users = 1;

        Saved(String name, int arpIgnore, int arpFilter) {
            this.name = name;
            this.arpIgnore = arpIgnore;
            this.arpFilter = arpFilter;
        }
    }
}
