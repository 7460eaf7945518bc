package org.keepalived4j.exporter.snmp.agentx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.keepalived4j.exporter.snmp.MibView;
import org.keepalived4j.exporter.snmp.Notification;
import org.keepalived4j.exporter.snmp.NotificationSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AgentX subagent of snmpd, as keepalived is one: it connects to the master agent at
 * {@code snmp_socket}, registers the view's subtrees (each root, priority 127), answers the
 * master's Get, GetNext and GetBulk from the view, refuses every set, and sends notifications
 * through snmpd, which forwards them to its trap2sink / informsink destinations.
 *
 * <p>When snmpd is away, stopped or restarted, the subagent connects again (1 s, then doubling
 * to 15 s apart), opens a new session and registers again. Notifications wait meanwhile in a
 * bounded queue and go out in order once a session is open, each only after snmpd confirmed the
 * one before; a full queue drops its oldest, counted ({@link #droppedNotifications()}) and
 * logged. {@link #send} never blocks. One thread of its own does all the work.
 */
public final class AgentxSubagent implements NotificationSink {

    private static final Logger LOG = LoggerFactory.getLogger(AgentxSubagent.class);

    private final AgentxAddress master;
    private final AgentxConfig config;
    private final Clock clock;
    private final NotificationQueue queue;
    private final AgentxSession session;
    private volatile AgentxLoop loop;
    private Thread thread;
    private boolean closed;

    /**
     * @param master snmpd's AgentX socket, e.g. {@code AgentxAddress.parse("unix:/var/agentx/master")}
     * @param view the objects to serve; its roots are the subtrees registered
     * @param description the session's name in snmpd (agentx-Open-PDU {@code o.descr})
     * @param clock the daemon's clock, for every timeout and for sysUpTime.0
     */
    public AgentxSubagent(AgentxAddress master, MibView view, String description, Clock clock) {
        this(master, view, description, clock, AgentxConfig.defaults());
    }

    public AgentxSubagent(AgentxAddress master, MibView view, String description, Clock clock, AgentxConfig config) {
        this.master = master;
        this.config = config;
        this.clock = clock;
        this.queue = new NotificationQueue(config.queueCapacity());
        this.session = new AgentxSession(config, view, description, master.toString(), queue);
    }

    /** Starts the subagent's thread; it connects at once. */
    public synchronized void start() {
        if (thread != null || closed) {
            throw new IllegalStateException("AgentX subagent already " + (closed ? "closed" : "started"));
        }
        try {
            loop = new AgentxLoop(master, session, clock, config.responseTimeout().toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector for the AgentX subagent", e);
        }
        thread = new Thread(loop, "keepalived4j-agentx");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a notification for snmpd and returns at once; see the class comment for delivery. */
    @Override
    public void send(Notification notification) {
        queue.offer(notification);
        AgentxLoop current = loop;
        if (current != null) {
            current.wakeup();
        }
    }

    /**
     * Delivers what is queued while the session is open (for at most the configured close
     * timeout), closes the session and stops the thread. Idempotent.
     */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = thread;
        }
        if (running == null) {
            return;
        }
        loop.requestClose();
        try {
            running.join(config.closeTimeout().plus(config.responseTimeout()).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (running.isAlive()) {
            LOG.warn("AgentX subagent thread still running after close");
        }
        if (!queue.isEmpty()) {
            LOG.warn("AgentX subagent closed with {} notification(s) not delivered", queue.size());
        }
    }

    /** Whether a session is open with every subtree registered, so snmpd routes requests here. */
    public boolean registered() {
        return session.registered();
    }

    /** Notifications dropped because the queue was full while snmpd was unreachable. */
    public long droppedNotifications() {
        return queue.dropped();
    }

    public AgentxAddress master() {
        return master;
    }
}
