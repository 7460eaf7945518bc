package org.keepalived4j.exporter.alerts.fifo;

import org.keepalived4j.exporter.alerts.Alert;

/**
 * keepalived 2.2.7's notify FIFO lines, one per alert, each ending in a newline:
 * <pre>
 * INSTANCE "VI_1" MASTER 150        the instance's name, its new state, its effective priority
 * GROUP "G1" BACKUP 0               a sync group: the priority is always 0
 * VS [10.0.0.1]:tcp:80 UP           a virtual server's quorum: UP or DOWN
 * RS [10.0.0.2]:tcp:80 [10.0.0.1]:tcp:80 DOWN   a real server, then its virtual server
 * </pre>
 * (keepalived's {@code notify_fifo} in vrrp_notify.c and {@code notify_fifo_vs}/{@code _rs} in
 * check_notify.c; the VRRP lines were checked against keepalived 2.2.7 itself, see
 * FifoSinkTest).
 */
final class FifoLines {

    private FifoLines() {
    }

    /** Whether the alert is a VRRP one (an instance or a sync group), the lines {@code vrrp_notify_fifo} gets. */
    static boolean vrrp(Alert alert) {
        return alert.kind() == Alert.Kind.VRRP_INSTANCE || alert.kind() == Alert.Kind.SYNC_GROUP;
    }

    /** Whether the alert is a checker one (a real or virtual server), the lines {@code lvs_notify_fifo} gets. */
    static boolean lvs(Alert alert) {
        return alert.kind() == Alert.Kind.REAL_SERVER || alert.kind() == Alert.Kind.VIRTUAL_SERVER;
    }

    /** Whether keepalived writes a line for the alert at all (not for trackers or the daemon). */
    static boolean written(Alert alert) {
        return vrrp(alert) || lvs(alert);
    }

    /** The line keepalived writes for the alert, newline included. */
    static String line(Alert a) {
        return switch (a.kind()) {
            case VRRP_INSTANCE -> "INSTANCE \"" + a.name() + "\" " + a.to() + " "
                    + a.labels().getOrDefault("priority", "0") + "\n";
            case SYNC_GROUP -> "GROUP \"" + a.name() + "\" " + a.to() + " 0\n";
            case VIRTUAL_SERVER -> "VS " + a.name() + " " + a.to() + "\n";
            case REAL_SERVER -> "RS " + a.name() + " " + virtualServer(a) + " " + a.to() + "\n";
            case TRACKER, DAEMON -> throw new IllegalArgumentException("keepalived writes no FIFO line for " + a.kind());
        };
    }

    /**
     * The real server's virtual server as keepalived names it ({@code [IP]:proto:PORT},
     * {@code FWM N}, {@code [GROUP]:PORT}): the alert carries that name only in its subject,
     * {@code [router_id] Realserver RS of virtual server VS - STATE}; the label's key
     * ({@code IP:PORT/proto}) stands in should the subject ever differ.
     */
    static String virtualServer(Alert a) {
        String head = (a.routerId() == null ? "" : "[" + a.routerId() + "] ") + "Realserver " + a.name()
                + " of virtual server ";
        String tail = " - " + a.to();
        String subject = a.subject();
        if (subject != null && subject.startsWith(head) && subject.endsWith(tail)
                && subject.length() > head.length() + tail.length()) {
            return subject.substring(head.length(), subject.length() - tail.length());
        }
        return a.labels().getOrDefault("virtual_server", "?");
    }
}
