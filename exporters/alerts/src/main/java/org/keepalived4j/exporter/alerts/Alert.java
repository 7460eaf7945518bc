package org.keepalived4j.exporter.alerts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.keepalived4j.model.ScriptLine;

/**
 * One alert, as every sink receives it: made once from one daemon event, spooled, and delivered
 * unchanged however often a sink has to retry, so that its {@link #id} can serve receivers as an
 * idempotency key.
 *
 * @param id stable and unique: the daemon's start time and the event's sequence number
 * @param time when the change happened
 * @param routerId {@code router_id} (the host name unless configured)
 * @param kind what changed
 * @param name the object: the instance or sync group name, the real server's or virtual
 *        server's name as keepalived writes it ({@code [10.0.0.1]:tcp:80})
 * @param from the state it left ({@code BACKUP}, {@code UP}...), or {@code null} when unknown
 * @param to the state it entered
 * @param subject keepalived's mail subject for it, {@code [router_id]} prefix included
 * @param body keepalived's one-line mail body ({@code => VRRP Instance is now owning VRRP VIPs <=})
 * @param mail whether keepalived would mail it: {@code smtp_alert} as resolved for the object,
 *        {@code no_email_faults}, and keepalived's rule of one mail per state entered
 * @param labels further detail, in order (reason, priorities, vrid, virtual_server...), the names
 *        matching the labels of the Prometheus series
 * @param scripts the notify scripts keepalived runs for this change, in the order it starts them,
 *        as configured when it happened (the {@code exec} sink runs them)
 */
public record Alert(String id, Instant time, String routerId, Kind kind, String name, String from, String to,
        String subject, String body, boolean mail, Map<String, String> labels, List<Script> scripts) {

    /**
     * One notify script to run: the script as configured ({@code notify_master}, {@code notify},
     * {@code notify_up}...) and the arguments keepalived appends to its words ({@code notify}'s
     * four; none for the others).
     */
    public record Script(ScriptLine line, List<String> arguments) {

        public Script {
            Objects.requireNonNull(line, "line");
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * keepalived's body of a real server or virtual server alert made by the daemon's stop rather
     * than by a check: the server was not seen failing.
     */
    public static final String SHUTTING_DOWN = "=> Shutting down <=";

    /**
     * What an alert is about: a VRRP instance (its states, and {@code MASTER_PRIORITY},
     * {@code BACKUP_PRIORITY}, {@code MASTER_RX_LOWER_PRI}), a sync group, a real or virtual
     * server, a tracker (interface, file, process, BFD, script: {@code UP}/{@code DOWN}) or the
     * daemon ({@code RELOADED}, {@code RELOAD_REFUSED}, {@code STOPPING}).
     */
    public enum Kind {
        VRRP_INSTANCE, SYNC_GROUP, REAL_SERVER, VIRTUAL_SERVER, TRACKER, DAEMON
    }

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(to, "to");
        labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        scripts = List.copyOf(scripts);
    }

    /** An alert that runs no script. */
    public Alert(String id, Instant time, String routerId, Kind kind, String name, String from, String to,
            String subject, String body, boolean mail, Map<String, String> labels) {
        this(id, time, routerId, kind, name, from, to, subject, body, mail, labels, List.of());
    }

    /** This alert running {@code scripts}. */
    public Alert withScripts(List<Script> scripts) {
        return new Alert(id, time, routerId, kind, name, from, to, subject, body, mail, labels, scripts);
    }
}
