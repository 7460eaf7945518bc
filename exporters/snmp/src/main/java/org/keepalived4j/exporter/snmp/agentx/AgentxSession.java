package org.keepalived4j.exporter.snmp.agentx;

import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.exporter.snmp.MibView;
import org.keepalived4j.exporter.snmp.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.VariableBinding;

/**
 * The subagent's side of one AgentX session after another, as a state machine with the time
 * passed in: Open, Register each subtree, then serve the master's requests, deliver the queued
 * notifications one at a time (the next only once snmpd confirmed the last, so none is lost
 * when the connection drops), Ping when quiet; on any loss, wait and start again. Not
 * thread-safe: one thread (the loop) calls every method; only {@link #registered()} may be
 * read from any other.
 */
final class AgentxSession {

    private static final Logger LOG = LoggerFactory.getLogger(AgentxSession.class);

    /** sysUpTime.0 and snmpTrapOID.0, which open every notification (RFC 2741 6.2.10). */
    static final OID SYS_UP_TIME = new OID("1.3.6.1.2.1.1.3.0");
    static final OID SNMP_TRAP_OID = new OID("1.3.6.1.6.3.1.1.4.1.0");

    /** The connection the session talks over; the loop implements it. */
    interface Link {
        void send(byte[] pdu);

        /** Drops the connection; the session has already counted it lost. */
        void disconnect();
    }

    private enum State { DOWN, OPENING, REGISTERING, READY, CLOSING, CLOSED }

    /** The one request of the subagent waiting for its Response. */
    private record Pending(int packetId, AgentxPduType type, String what, long deadline) {
    }

    private final AgentxConfig config;
    private final MibView view;
    private final String description;
    private final String master;
    private final NotificationQueue queue;
    private final MibViewResponder responder;
    private final AgentxEncoder encoder = new AgentxEncoder();
    private final ReconnectBackoff backoff;
    private final MasterUpTime upTime = new MasterUpTime();

    private volatile State state = State.DOWN;
    private Link link;
    private long reconnectAt;
    private boolean unreachableLogged;
    private int sessionId;
    private int nextPacketId = 1;
    private Pending pending;
    private List<AgentxPdu> registrations = List.of();
    private int step;
    private int registered;
    private Notification inFlight;
    private long nextPingAt;
    private boolean closing;
    private long closeDeadline;

    AgentxSession(AgentxConfig config, MibView view, String description, String master, NotificationQueue queue) {
        this.config = config;
        this.view = view;
        this.description = description;
        this.master = master;
        this.queue = queue;
        this.responder = new MibViewResponder(view);
        this.backoff = new ReconnectBackoff(config.reconnectMin(), config.reconnectMax());
    }

    /** Whether the loop should connect now. */
    boolean wantsLink(long now) {
        return state == State.DOWN && !closing && now >= reconnectAt;
    }

    /** The session is open and every subtree registered: the master's requests reach the view. */
    boolean registered() {
        return state == State.READY;
    }

    boolean finished() {
        return state == State.CLOSED;
    }

    /** The connection is made: open a session on it. */
    void linkUp(Link connected, long now) {
        link = connected;
        state = State.OPENING;
        int packetId = nextPacketId();
        request(new AgentxPdu.Open(AgentxHeader.of(AgentxPduType.OPEN, 0, 0, packetId), 0, new OID(), description),
                "Open", now);
    }

    /** Connecting failed, or the connection ended or broke. */
    void linkDown(String why, long now) {
        boolean wasOpen = state != State.DOWN && state != State.OPENING;
        link = null;
        pending = null;
        sessionId = 0;
        if (inFlight != null) {
            queue.putBack(inFlight);
            inFlight = null;
        }
        if (closing || state == State.CLOSED) {
            state = State.CLOSED;
            return;
        }
        state = State.DOWN;
        long delay = backoff.next();
        reconnectAt = now + delay;
        if (wasOpen) {
            LOG.warn("AgentX session with {} lost ({}); reconnecting in {} ms", master, why, delay);
        } else if (!unreachableLogged) {
            LOG.warn("AgentX master {} unreachable ({}); retrying, at most {} ms apart", master, why,
                    config.reconnectMax().toMillis());
        } else {
            LOG.debug("AgentX master {} still unreachable ({}); next attempt in {} ms", master, why, delay);
        }
        unreachableLogged = true;
    }

    /** A PDU from the master. */
    void received(AgentxPdu pdu, long now) {
        if (pdu instanceof AgentxPdu.Response response) {
            upTime.heard(response.sysUpTime(), now);
            if (pending != null && response.header().packetId() == pending.packetId()) {
                Pending answered = pending;
                pending = null;
                nextPingAt = now + config.pingInterval().toMillis();
                answered(answered, response, now);
            } else {
                LOG.debug("AgentX Response to no request of ours (packet {})", response.header().packetId());
            }
        } else if (sessionId != 0 && pdu.header().sessionId() != sessionId) {
            reply(new AgentxPdu.Response(pdu.header().response(), 0, ResponseError.NOT_OPEN.code, 0, List.of()),
                    pdu);
        } else {
            reply(responder.respond(pdu), pdu);
            if (pdu instanceof AgentxPdu.Close close) {
                drop("snmpd closed the session, reason " + CloseReason.describe(close.reason()), now);
            }
        }
    }

    /** Bytes from the master that are no PDU: a request among them is answered parseError (7.2.2). */
    void malformed(AgentxDecodeResult result, long now) {
        LOG.warn("AgentX malformed PDU from {}: {} ({})", master, result.error(), result.detail());
        AgentxHeader h = result.header();
        if (h != null && h.type() != AgentxPduType.RESPONSE && h.type() != AgentxPduType.CLEANUP_SET) {
            send(new AgentxPdu.Response(h.response(), 0, ResponseError.PARSE_ERROR.code, 0, List.of()));
        }
    }

    /** Time passed: give up on a late Response, deliver, ping, finish closing. */
    void tick(long now) {
        if (pending != null && now >= pending.deadline()) {
            drop("no Response to " + pending.what() + " within " + config.responseTimeout().toMillis() + " ms", now);
        }
        if (closing && state != State.CLOSED && now >= closeDeadline) {
            finish();
            return;
        }
        pump(now);
    }

    /** The subagent is closing: deliver what is queued, then close the session. */
    void close(long now) {
        closing = true;
        closeDeadline = now + config.closeTimeout().toMillis();
        if (state != State.READY) {
            finish();
        }
    }

    /** When {@link #tick} has something to do next, or {@link Long#MAX_VALUE}. */
    long nextDeadline() {
        long next = Long.MAX_VALUE;
        if (pending != null) {
            next = pending.deadline();
        } else if (state == State.READY) {
            next = nextPingAt;
        } else if (state == State.DOWN && !closing) {
            next = reconnectAt;
        }
        return closing ? Math.min(next, closeDeadline) : next;
    }

    private void answered(Pending request, AgentxPdu.Response response, long now) {
        int error = response.error();
        switch (request.type()) {
            case OPEN -> {
                if (error != 0) {
                    drop("snmpd refused the Open: " + ResponseError.describe(error), now);
                    return;
                }
                sessionId = response.header().sessionId();
                backoff.reset();
                unreachableLogged = false;
                state = State.REGISTERING;
                registrations = registrations();
                step = 0;
                registered = 0;
            }
            case REGISTER, ADD_AGENT_CAPS -> {
                if (error != 0) {
                    LOG.warn("AgentX: snmpd refused {}: {}", request.what(), ResponseError.describe(error));
                } else if (request.type() == AgentxPduType.REGISTER) {
                    registered++;
                }
            }
            case NOTIFY -> {
                if (error == ResponseError.NOT_OPEN.code) {
                    drop("snmpd no longer knows session " + sessionId, now);
                    return;
                }
                if (error != 0) {
                    LOG.warn("AgentX: snmpd refused the notification {}: {}", inFlight.trapOid(),
                            ResponseError.describe(error));
                }
                inFlight = null;
            }
            case PING -> {
                if (error != 0) {
                    drop("snmpd answered the Ping " + ResponseError.describe(error), now);
                    return;
                }
            }
            case CLOSE -> {
                finish();
                return;
            }
            default -> throw new AssertionError(request.type());
        }
        pump(now);
    }

    /** Sends the next request the state calls for, if none is waiting for its Response. */
    private void pump(long now) {
        if (pending != null || link == null) {
            return;
        }
        if (state == State.REGISTERING) {
            if (step < registrations.size()) {
                AgentxPdu next = registrations.get(step++);
                request(next, describe(next), now);
                return;
            }
            state = State.READY;
            LOG.info("AgentX session {} with {}: {} of {} subtrees registered", sessionId, master, registered,
                    view.roots().size());
        }
        if (state != State.READY) {
            return;
        }
        if (inFlight == null) {
            inFlight = queue.poll();
        }
        if (inFlight != null) {
            deliver(inFlight, now);
        } else if (closing) {
            state = State.CLOSING;
            request(new AgentxPdu.Close(header(AgentxPduType.CLOSE), CloseReason.SHUTDOWN.code), "Close", now);
        } else if (now >= nextPingAt) {
            request(new AgentxPdu.Bare(header(AgentxPduType.PING)), "Ping", now);
        }
    }

    private void deliver(Notification notification, long now) {
        List<VariableBinding> varbinds = new ArrayList<>(notification.varbinds().size() + 2);
        varbinds.add(new VariableBinding(SYS_UP_TIME, new TimeTicks(upTime.ticksAt(now))));
        varbinds.add(new VariableBinding(SNMP_TRAP_OID, notification.trapOid()));
        varbinds.addAll(notification.varbinds());
        AgentxPdu notify = new AgentxPdu.VarBinds(header(AgentxPduType.NOTIFY), varbinds);
        byte[] bytes;
        try {
            bytes = encoder.encode(notify);
        } catch (IllegalArgumentException e) {
            LOG.error("AgentX cannot send the notification {}: {}", notification.trapOid(), e.getMessage());
            inFlight = null;
            pump(now);
            return;
        }
        pending = new Pending(notify.header().packetId(), AgentxPduType.NOTIFY, "Notify " + notification.trapOid(),
                now + config.responseTimeout().toMillis());
        LOG.trace("AgentX -> {}", notify);
        link.send(bytes);
    }

    private List<AgentxPdu> registrations() {
        List<AgentxPdu> steps = new ArrayList<>();
        for (OID root : view.roots()) {
            steps.add(new AgentxPdu.Registration(header(AgentxPduType.REGISTER), 0, config.priority(), 0, root, 0));
        }
        for (AgentxConfig.Capability c : config.capabilities()) {
            steps.add(new AgentxPdu.AgentCaps(header(AgentxPduType.ADD_AGENT_CAPS), c.id(), c.description()));
        }
        return steps;
    }

    private static String describe(AgentxPdu step) {
        return step instanceof AgentxPdu.Registration r ? "the registration of " + r.subtree()
                : "the sysORTable entry " + ((AgentxPdu.AgentCaps) step).id();
    }

    private void request(AgentxPdu pdu, String what, long now) {
        pending = new Pending(pdu.header().packetId(), pdu.header().type(), what,
                now + config.responseTimeout().toMillis());
        send(pdu);
    }

    private void reply(AgentxPdu.Response response, AgentxPdu request) {
        if (response == null) {
            return;
        }
        try {
            byte[] bytes = encoder.encode(response);
            LOG.trace("AgentX -> {}", response);
            link.send(bytes);
        } catch (IllegalArgumentException e) {
            LOG.warn("AgentX cannot answer {}: {}", request.header().type(), e.getMessage());
            send(new AgentxPdu.Response(response.header(), 0, ResponseError.GEN_ERR.code, 0, List.of()));
        }
    }

    private void send(AgentxPdu pdu) {
        LOG.trace("AgentX -> {}", pdu);
        if (link != null) {
            link.send(encoder.encode(pdu));
        }
    }

    /** Gives the connection up, as lost; the loop connects again after the backoff. */
    private void drop(String why, long now) {
        Link dropped = link;
        linkDown(why, now);
        if (dropped != null) {
            dropped.disconnect();
        }
    }

    /** Ends for good; a session still open is closed without waiting for snmpd's answer. */
    private void finish() {
        if (link != null && sessionId != 0 && state != State.CLOSING) {
            send(new AgentxPdu.Close(header(AgentxPduType.CLOSE), CloseReason.SHUTDOWN.code));
        }
        Link dropped = link;
        state = State.CLOSED;
        linkDown("closed", 0);
        if (dropped != null) {
            dropped.disconnect();
        }
    }

    private AgentxHeader header(AgentxPduType type) {
        return AgentxHeader.of(type, sessionId, 0, nextPacketId());
    }

    private int nextPacketId() {
        int id = nextPacketId++;
        if (nextPacketId == 0) {
            nextPacketId = 1;
        }
        return id;
    }
}
