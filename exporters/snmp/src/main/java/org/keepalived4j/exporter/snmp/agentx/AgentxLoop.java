package org.keepalived4j.exporter.snmp.agentx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Clock;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subagent's one thread: owns the selector and the connection, feeds the session what
 * arrives and the passing of time, writes what it sends. Nothing here blocks but the select,
 * which wakes for the session's next deadline, for the socket, or for {@link #wakeup()}.
 */
final class AgentxLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentxLoop.class);

    private final AgentxAddress master;
    private final AgentxSession session;
    private final Clock clock;
    private final long connectTimeoutMillis;
    private final Selector selector;
    private final AgentxDecoder decoder = new AgentxDecoder();
    private volatile boolean closeRequested;
    private MasterLink link;
    private long connectDeadline;

    AgentxLoop(AgentxAddress master, AgentxSession session, Clock clock, long connectTimeoutMillis)
            throws IOException {
        this.master = master;
        this.session = session;
        this.clock = clock;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.selector = Selector.open();
    }

    /** Something was queued: let the session see it now rather than at its next deadline. */
    void wakeup() {
        selector.wakeup();
    }

    void requestClose() {
        closeRequested = true;
        selector.wakeup();
    }

    @Override
    public void run() {
        boolean closing = false;
        try {
            while (!session.finished()) {
                long now = clock.millis();
                if (closeRequested && !closing) {
                    closing = true;
                    session.close(now);
                }
                try {
                    turn(now);
                } catch (RuntimeException e) {
                    LOG.error("AgentX subagent failed; starting the session again", e);
                    lost("internal error", clock.millis());
                }
            }
        } finally {
            closeLink();
            try {
                selector.close();
            } catch (IOException e) {
                LOG.debug("closing the AgentX selector", e);
            }
        }
    }

    private void turn(long now) {
        if (link == null && session.wantsLink(now)) {
            connect(now);
        } else if (link != null && !link.connected() && now >= connectDeadline) {
            lost("no connection within " + connectTimeoutMillis + " ms", now);
        }
        session.tick(now);
        flush(now);
        if (session.finished()) {
            return;
        }
        // While a connection is being made the session waits for it (its reconnect time has
        // passed), so only the connect deadline counts: anything else would spin.
        long deadline = link != null && !link.connected() ? connectDeadline : session.nextDeadline();
        select(deadline - clock.millis());
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            if (key.isValid() && key.attachment() == link) {
                ready(key, clock.millis());
            }
        }
        flush(clock.millis());
    }

    private void select(long waitMillis) {
        try {
            if (waitMillis <= 0) {
                selector.selectNow();
            } else {
                selector.select(waitMillis);
            }
        } catch (IOException e) {
            throw new IllegalStateException("AgentX selector failed", e);
        }
    }

    private void connect(long now) {
        try {
            link = MasterLink.open(master, selector);
            connectDeadline = now + connectTimeoutMillis;
            if (link.finishConnect()) {
                session.linkUp(new SessionLink(link), now);
            }
        } catch (IOException e) {
            lost(describe(e), now);
        }
    }

    private void ready(SelectionKey key, long now) {
        MasterLink current = link;
        try {
            if (key.isConnectable() && current.finishConnect()) {
                session.linkUp(new SessionLink(current), now);
            }
            if (key.isValid() && key.isReadable()) {
                for (ByteBuffer frame : current.receive()) {
                    if (link != current) {
                        return;
                    }
                    AgentxDecodeResult result = decoder.decode(frame);
                    LOG.trace("AgentX <- {}", result.valid() ? result.pdu() : result);
                    if (result.valid()) {
                        session.received(result.pdu(), now);
                    } else {
                        session.malformed(result);
                    }
                }
                if (link == current && current.ended()) {
                    current.receive();
                }
            }
            if (link == current && key.isValid() && key.isWritable()) {
                current.flush();
            }
        } catch (IOException e) {
            if (link == current) {
                lost(describe(e), now);
            }
        }
    }

    private void flush(long now) {
        if (link != null) {
            try {
                link.flush();
            } catch (IOException e) {
                lost(describe(e), now);
            }
        }
    }

    private void lost(String why, long now) {
        closeLink();
        session.linkDown(why, now);
    }

    private void closeLink() {
        if (link != null) {
            try {
                link.close();
            } catch (IOException e) {
                LOG.debug("closing the AgentX connection", e);
            }
            link = null;
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The session's view of one connection; calls for a connection since dropped do nothing. */
    private final class SessionLink implements AgentxSession.Link {
        private final MasterLink target;

        SessionLink(MasterLink target) {
            this.target = target;
        }

        @Override
        public void send(byte[] pdu) {
            if (link == target) {
                target.send(pdu);
            }
        }

        /** Writes what the session sent last (an answer, a Close) if the socket takes it, and closes. */
        @Override
        public void disconnect() {
            if (link == target) {
                try {
                    target.flush();
                } catch (IOException e) {
                    LOG.debug("AgentX connection failed while closing", e);
                }
                closeLink();
            }
        }
    }
}
