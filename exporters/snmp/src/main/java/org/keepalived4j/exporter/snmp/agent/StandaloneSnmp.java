package org.keepalived4j.exporter.snmp.agent;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.keepalived4j.exporter.snmp.MibView;
import org.keepalived4j.exporter.snmp.NotificationSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.smi.OctetString;

/**
 * keepalived4j's own SNMP agent and notification sinks, for hosts without snmpd, as a
 * {@code keepalived4j_snmp} block configures them: {@link #start} binds the agent (when the
 * block has an agentaddress) and opens every sink; {@link #notifications()} fans a notification
 * out to every sink without waiting for any; {@link #close()} stops both.
 */
public final class StandaloneSnmp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneSnmp.class);
    /** How often a repeated refusal or loss is logged at most. */
    static final Duration LOG_WINDOW = Duration.ofMinutes(1);
    /**
     * snmpEngineBoots counts from here in seconds. There is no state directory to count restarts
     * in, and a boots value that never goes down across restarts is what keeps receivers'
     * timeliness caches (RFC 3414 section 3.2.7) accepting SNMPv3 traps after one. It reaches
     * RFC 3414's limit of 2^31-1 in 2088.
     */
    private static final Instant BOOTS_EPOCH = Instant.parse("2020-01-01T00:00:00Z");

    private final SnmpAgent agent;
    private final FanOutSink sinks;

    private StandaloneSnmp(SnmpAgent agent, FanOutSink sinks) {
        this.agent = agent;
        this.sinks = sinks;
    }

    /**
     * Starts what {@code settings} asks for, serving {@code view} and stamping uptime from
     * {@code clock}. A sink whose receiver cannot be resolved or socket opened is logged and left
     * out; an agent address that cannot be bound fails the start.
     */
    public static StandaloneSnmp start(SnmpAgentSettings settings, MibView view, Clock clock) throws IOException {
        OctetString engineId = settings.engineId().orElseGet(() -> EngineIds.fromTextTruncated(hostName()));
        int boots = (int) Math.max(1, Math.min(Integer.MAX_VALUE - 1,
                Duration.between(BOOTS_EPOCH, clock.instant()).toSeconds()));
        Uptime uptime = new Uptime(clock);
        InetAddress v1Address = settings.v1TrapAddress().orElseGet(StandaloneSnmp::firstIpv4Address);
        List<QueuedSink> queued = new ArrayList<>();
        for (SinkSettings s : settings.sinks()) {
            try {
                // one window per kind of line: a queue that overflows all the time must not keep
                // a lost inform out of the log, nor have its drops counted as lost informs
                RepeatedLog lossLog = new RepeatedLog(LOG, clock, LOG_WINDOW);
                RepeatedLog overflowLog = new RepeatedLog(LOG, clock, LOG_WINDOW);
                SnmpDelivery delivery = SnmpDelivery.open(s, engineId, boots, uptime, v1Address, lossLog);
                queued.add(new QueuedSink(s.toString(), delivery, QueuedSink.CAPACITY, overflowLog));
            } catch (IOException | RuntimeException e) {
                LOG.error("{}: SNMP sink {} left out: {}", s.source(), s, e.toString());
            }
        }
        FanOutSink sinks = new FanOutSink(queued);
        SnmpAgent agent = null;
        if (settings.agentEnabled()) {
            try {
                agent = SnmpAgent.start(settings, view, uptime, engineId, boots, new RepeatedLog(LOG, clock, LOG_WINDOW));
            } catch (IOException | RuntimeException e) {
                sinks.close();
                throw e;
            }
            LOG.info("SNMP agent listening on {}, engine ID {}", agent.boundAddresses(), EngineIds.hex(engineId));
        }
        if (!queued.isEmpty()) {
            LOG.info("SNMP notifications go to {}, engine ID {}", queued.size() == 1 ? settings.sinks().get(0)
                    : settings.sinks(), EngineIds.hex(engineId));
        }
        return new StandaloneSnmp(agent, sinks);
    }

    /** Every configured sink as one; {@code send} queues on each and returns at once. */
    public NotificationSink notifications() {
        return sinks;
    }

    /** Where the agent listens (empty without one), with the ports the system picked for port 0. */
    List<InetSocketAddress> agentAddresses() {
        return agent == null ? List.of() : agent.boundAddresses();
    }

    @Override
    public void close() {
        if (agent != null) {
            agent.close();
        }
        sinks.close();
    }

    /** The host name, as keepalived's router_id defaults to it; read without a DNS lookup. */
    private static String hostName() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            return name.isEmpty() ? "keepalived4j" : name;
        } catch (IOException e) {
            return "keepalived4j";
        }
    }

    /** net-snmp's agent-addr without v1trapaddress: some local IPv4 address, not loopback when there is one. */
    private static InetAddress firstIpv4Address() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                        return a;
                    }
                }
            }
        } catch (SocketException e) {
            // fall through
        }
        return InetAddress.getLoopbackAddress();
    }
}
