package org.keepalived4j.config.vrrp;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.keepalived4j.config.UnicastPeer;
import org.keepalived4j.config.keyword.IpLiterals;
import org.keepalived4j.config.keyword.NumberReading;
import org.keepalived4j.config.keyword.ParseContext;
import org.keepalived4j.config.read.ConfigNode;

/** One line of {@code unicast_peer}: {@code ADDRESS [min_ttl N] [max_ttl N]}. */
final class UnicastPeerLines {

    private UnicastPeerLines() {
    }

    static UnicastPeer parse(ConfigNode line, ParseContext c, InstanceDraft d) {
        String text = line.keyword();
        InetAddress a = IpLiterals.parse(text);
        if (a == null) {
            c.error(line, null, "Configuration error: VRRP instance[" + d.name + "] malformed unicast peer address["
                    + text + "]. Skipping...");
            return null;
        }
        if (!d.adoptFamily(a instanceof Inet6Address)) {
            c.error(line, null, "Configuration error: VRRP instance[" + d.name + "] and unicast peer address["
                    + text + "] MUST be of the same family !!! Skipping...");
            return null;
        }
        int min = 0;
        int max = 255;
        for (int i = 0; i < line.args().size(); i += 2) {
            String option = line.arg(i);
            if (!"min_ttl".equals(option) && !"max_ttl".equals(option)) {
                c.error(line, d.name, "unknown unicast_peer option " + option);
                break;
            }
            if (i + 1 >= line.args().size()) {
                c.error(line, d.name, option + " is missing a value");
                break;
            }
            NumberReading.Result r = NumberReading.unsigned(line.arg(i + 1), 0, 255);
            if (!r.ok()) {
                c.error(line, d.name, r.problemText() + " - invalid " + option + " " + line.arg(i + 1));
                continue;
            }
            d.checkUnicastSrc = true;
            if ("min_ttl".equals(option)) {
                min = (int) r.value();
            } else {
                max = (int) r.value();
            }
        }
        if (min > max) {
            c.error(line, d.name, "min_ttl " + min + " > max_ttl " + max + " - all packets will be discarded");
        }
        return new UnicastPeer(a, min, max);
    }
}
