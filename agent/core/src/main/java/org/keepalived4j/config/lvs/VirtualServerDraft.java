package org.keepalived4j.config.lvs;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.config.ForwardingConfig;
import org.keepalived4j.config.NotifyScript;
import org.keepalived4j.config.SourceLocation;

/** A virtual_server block while it is read: what was written, before defaults and checks. */
final class VirtualServerDraft {

    static final long DEFAULT_DELAY_LOOP = 60_000_000L;
    static final long DEFAULT_CONNECT_TIMEOUT = 5_000_000L;
    static final long PERSISTENT_TIMEOUT = 360;

    final SourceLocation location;
    InetAddress address;
    int port;
    long fwmark;
    String groupName;
    /** 4, 6, or 0 while unknown. */
    int family;
    String protocol;
    String scheduler;
    int flags;
    ForwardingConfig forwarding;
    long persistenceTimeout;
    String persistenceEngine;
    long persistenceGranularity = -1;
    boolean haSuspend;
    Boolean smtpAlert;
    String virtualhost;
    String snmpName;
    boolean alpha;
    boolean omega;
    long quorum = 1;
    long hysteresis;
    NotifyScript quorumUp;
    NotifyScript quorumDown;
    int weight = 1;
    long delayLoop = DEFAULT_DELAY_LOOP;
    long connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    Integer retry;
    Long delayBeforeRetry;
    Long warmup;
    boolean inhibit;
    InetAddress sorryAddress;
    int sorryPort;
    ForwardingConfig sorryForwarding;
    boolean sorryInhibit;
    final List<RealServerDraft> realServers = new ArrayList<>();

    VirtualServerDraft(SourceLocation location) {
        this.location = location;
    }

    /** keepalived's FMT_VS: {@code [IP]:proto:PORT}, {@code FWM N} or {@code [GROUP]:PORT}. */
    String display() {
        if (groupName != null) {
            return "[" + groupName + "]:" + port;
        }
        if (address == null) {
            return "FWM " + fwmark;
        }
        return trio(address, port);
    }

    /** keepalived's address:protocol:port form of a server of this virtual server. */
    String trio(InetAddress server, int serverPort) {
        return "[" + server.getHostAddress() + "]:" + (protocol == null ? "none" : protocol) + ":" + serverPort;
    }

    boolean usesFwmarkOnly() {
        return groupName == null && address == null;
    }
}
