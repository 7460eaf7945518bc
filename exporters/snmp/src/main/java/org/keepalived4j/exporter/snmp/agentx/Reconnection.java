package org.keepalived4j.exporter.snmp.agentx;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When to connect to the master again, and what to log about it. The delay starts at
 * {@code reconnectMin} and doubles after each failure up to {@code reconnectMax}; an open
 * session sets it back. keepalived (net-snmp) retries every 15 s; starting lower brings the
 * tables back sooner after a quick snmpd restart. A lost session is logged once, an unreachable
 * master once until it is reached again, each further failed attempt at debug level only.
 */
final class Reconnection {

    private static final Logger LOG = LoggerFactory.getLogger(Reconnection.class);

    private final String master;
    private final long minMillis;
    private final long maxMillis;
    private long nextDelay;
    private long at;
    private boolean unreachableLogged;

    Reconnection(AgentxConfig config, String master) {
        this.master = master;
        this.minMillis = config.reconnectMin().toMillis();
        this.maxMillis = config.reconnectMax().toMillis();
        this.nextDelay = minMillis;
    }

    boolean due(long now) {
        return now >= at;
    }

    /** When the next attempt is due. */
    long at() {
        return at;
    }

    /** A session opened: the next loss is retried after the shortest delay. */
    void opened() {
        nextDelay = minMillis;
        unreachableLogged = false;
    }

    /** The connection failed or ended; {@code wasOpen} if a session had been open on it. */
    void lost(String why, boolean wasOpen, long now) {
        long delay = nextDelay;
        nextDelay = Math.min(maxMillis, nextDelay * 2);
        at = now + delay;
        if (wasOpen) {
            LOG.warn("AgentX session with {} lost ({}); reconnecting in {} ms", master, why, delay);
        } else if (!unreachableLogged) {
            LOG.warn("AgentX master {} unreachable ({}); retrying, at most {} ms apart", master, why, maxMillis);
        } else {
            LOG.debug("AgentX master {} still unreachable ({}); next attempt in {} ms", master, why, delay);
        }
        unreachableLogged = true;
    }
}
