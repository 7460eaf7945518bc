package org.keepalived4j.config.lvs;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.config.ForwardingConfig;
import org.keepalived4j.config.NotifyScript;
import org.keepalived4j.config.SourceLocation;

/** A real_server block while it is read. */
final class RealServerDraft {

    final SourceLocation location;
    final InetAddress address;
    int port;
    Integer weight;
    ForwardingConfig forwarding;
    long upperThreshold;
    long lowerThreshold;
    Boolean inhibit;
    NotifyScript notifyUp;
    NotifyScript notifyDown;
    Boolean alpha;
    Integer retry;
    Long delayBeforeRetry;
    Long warmup;
    Long connectTimeout;
    Long delayLoop;
    Boolean smtpAlert;
    String virtualhost;
    String snmpName;
    final List<CheckerDraft> checkers = new ArrayList<>();

    RealServerDraft(SourceLocation location, InetAddress address, int port) {
        this.location = location;
        this.address = address;
        this.port = port;
    }

    boolean sameServer(RealServerDraft other) {
        return address.equals(other.address) && port == other.port;
    }
}
