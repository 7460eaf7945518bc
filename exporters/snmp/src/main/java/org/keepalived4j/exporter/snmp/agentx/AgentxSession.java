package org.keepalived4j.exporter.snmp.agentx;

import java.util.List;
import org.keepalived4j.exporter.snmp.MibView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.smi.OID;

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
    private final NotificationDelivery delivery;
    private final MibViewResponder responder;
    private final AgentxEncoder encoder = new AgentxEncoder();
    private final Reconnection reconnection;

    private volatile State state = State.DOWN;
    private Link link;
    private int sessionId;
    private int nextPacketId = 1;
    private Pending pending;
    private Registrations registrations;
    private long nextPingAt;
    private boolean closing;
    private long closeDeadline;

    AgentxSession(AgentxConfig config, MibView view, String description, String master, NotificationQueue queue) {
        this.config = config;
        this.view = view;
        this.description = description;
        this.master = master;
        this.delivery = new NotificationDelivery(queue);
        this.responder = new MibViewResponder(view);
        this.reconnection = new Reconnection(config, master);
    }

    /** Whether the loop should connect now. */
    boolean wantsLink(long now) {
        return state == State.DOWN && !closing && reconnection.due(now);
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
        delivery.unconfirmed();
        if (closing || state == State.CLOSED) {
            state = State.CLOSED;
            return;
        }
        state = State.DOWN;
        reconnection.lost(why, wasOpen, now);
    }

    /** A PDU from the master. */
    void received(AgentxPdu pdu, long now) {
        if (pdu instanceof AgentxPdu.Response response) {
            delivery.heard(response.sysUpTime(), now);
            if (pending != null && response.header().packetId() == pending.packetId()) {
                Pending answered = pending;
                pending = null;
                nextPingAt = now + config.pingInterval().toMillis();
                answered(answered, response, now);
            } else {
                LOG.debug("AgentX Response to no request of ours (packet {})", response.header().packetId());
            }
        } else {
            reply(responder.respond(pdu, sessionId), pdu);
            if (pdu instanceof AgentxPdu.Close close && pdu.header().sessionId() == sessionId) {
                drop("snmpd closed the session, reason " + CloseReason.describe(close.reason()), now);
            }
        }
    }

    /** Bytes from the master that are no PDU. */
    void malformed(AgentxDecodeResult result) {
        LOG.warn("AgentX malformed PDU from {}: {} ({})", master, result.error(), result.detail());
        AgentxPdu.Response answer = responder.parseError(result);
        if (answer != null) {
            send(answer);
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
            next = reconnection.at();
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
                reconnection.opened();
                state = State.REGISTERING;
                registrations = new Registrations(view.roots(), config.capabilities(), config.priority());
            }
            case REGISTER, ADD_AGENT_CAPS -> {
                if (error != 0) {
                    LOG.warn("AgentX: snmpd refused {}: {}", request.what(), ResponseError.describe(error));
                } else if (request.type() == AgentxPduType.REGISTER) {
                    registrations.accepted();
                }
            }
            case NOTIFY -> {
                if (error == ResponseError.NOT_OPEN.code) {
                    drop("snmpd no longer knows session " + sessionId, now);
                    return;
                }
                if (error != 0) {
                    LOG.warn("AgentX: snmpd refused the notification {}: {}", delivery.trapOid(),
                            ResponseError.describe(error));
                }
                delivery.done();
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
            AgentxPdu next = registrations.next(this::header);
            if (next != null) {
                request(next, Registrations.describe(next), now);
                return;
            }
            state = State.READY;
            LOG.info("AgentX session {} with {}: {}", sessionId, master, registrations.summary());
        }
        if (state != State.READY) {
            return;
        }
        AgentxPdu.VarBinds notify = delivery.next(() -> header(AgentxPduType.NOTIFY), now);
        if (notify != null) {
            deliver(notify, now);
        } else if (closing) {
            state = State.CLOSING;
            request(new AgentxPdu.Close(header(AgentxPduType.CLOSE), CloseReason.SHUTDOWN.code), "Close", now);
        } else if (now >= nextPingAt) {
            request(new AgentxPdu.Bare(header(AgentxPduType.PING)), "Ping", now);
        }
    }

    /** Sends a Notify; one that cannot be encoded (an OID too long) is dropped, logged. */
    private void deliver(AgentxPdu.VarBinds notify, long now) {
        try {
            request(notify, "Notify " + delivery.trapOid(), now);
        } catch (IllegalArgumentException e) {
            LOG.error("AgentX cannot send the notification {}: {}", delivery.trapOid(), e.getMessage());
            pending = null;
            delivery.done();
            pump(now);
        }
    }

    private void request(AgentxPdu pdu, String what, long now) {
        send(pdu);
        pending = new Pending(pdu.header().packetId(), pdu.header().type(), what,
                now + config.responseTimeout().toMillis());
    }

    /** Sends an answer; one whose values cannot be encoded becomes a genErr. */
    private void reply(AgentxPdu.Response response, AgentxPdu request) {
        if (response == null) {
            return;
        }
        try {
            send(response);
        } catch (IllegalArgumentException e) {
            LOG.warn("AgentX cannot answer {}: {}", request.header().type(), e.getMessage());
            send(new AgentxPdu.Response(response.header(), 0, ResponseError.GEN_ERR.code, 0, List.of()));
        }
    }

    /**
     * Encodes and sends a PDU.
     *
     * @throws IllegalArgumentException when it cannot be encoded; nothing is sent then
     */
    private void send(AgentxPdu pdu) {
        byte[] bytes = encoder.encode(pdu);
        LOG.trace("AgentX -> {}", pdu);
        if (link != null) {
            link.send(bytes);
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
