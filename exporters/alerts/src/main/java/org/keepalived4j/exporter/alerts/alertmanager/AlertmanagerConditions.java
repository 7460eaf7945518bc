package org.keepalived4j.exporter.alerts.alertmanager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keepalived4j.exporter.alerts.Alert;

/**
 * Turns keepalived's stream of state changes into the conditions Alertmanager models, each
 * firing until it is resolved:
 *
 * <table>
 * <caption>Conditions</caption>
 * <tr><th>alertname</th><th>severity</th><th>fires when</th><th>resolved when</th></tr>
 * <tr><td>{@code KeepalivedVrrpFault}</td><td>critical</td><td>a VRRP instance enters FAULT</td>
 *     <td>it enters BACKUP or MASTER, or stops (daemon stop, or a reload removed it)</td></tr>
 * <tr><td>{@code KeepalivedSyncGroupFault}</td><td>critical</td><td>a sync group enters FAULT</td>
 *     <td>it enters BACKUP or MASTER, or stops</td></tr>
 * <tr><td>{@code KeepalivedRealServerDown}</td><td>warning</td><td>a check takes a real server down</td>
 *     <td>it is up again, a reload removes it, or the daemon stops</td></tr>
 * <tr><td>{@code KeepalivedVirtualServerQuorumLost}</td><td>critical</td><td>a virtual server loses its
 *     quorum</td><td>it gains it again, or the daemon stops</td></tr>
 * <tr><td>{@code KeepalivedVrrpBecameMaster}</td><td>info</td><td>a VRRP instance enters MASTER: a
 *     notice that the addresses moved here, ending by itself {@link #NOTICE_TTL} later</td><td>-</td></tr>
 * </table>
 *
 * <p>The labels identify the condition and are the same for its firing and its resolution, so
 * Alertmanager's fingerprint of them matches: {@code alertname}, {@code router_id},
 * {@code severity}, the object's labels under the names of the Prometheus series
 * ({@code iname}, {@code vrid}, {@code intf} as {@code keepalived_vrrp_state} names them;
 * {@code group}; {@code virtual_server}, {@code real_server}) and the configured labels. What
 * changes from one post to the next goes in annotations: {@code summary} (keepalived's mail
 * subject), {@code description} (its mail body), {@code state}, {@code previous_state}, the
 * reason, priorities, checker and weights of the alert, and {@code alert_id}.
 *
 * <p>Every transition out of FAULT (and every UP) posts the resolution, whether or not this
 * process saw the condition fire: after a restart it cannot know what an Alertmanager still holds,
 * and a resolution of what never fired is stored by Alertmanager without any notification.
 */
final class AlertmanagerConditions {

    /** How long the {@code KeepalivedVrrpBecameMaster} notice stays active. */
    static final Duration NOTICE_TTL = Duration.ofMinutes(5);

    /** The labels keepalived4j sets, which a configured {@code label} may not replace. */
    static final Set<String> OWN_LABELS = Set.of("alertname", "router_id", "severity", "iname", "vrid", "intf",
            "group", "virtual_server", "real_server");

    /** The labels of an alert that name its object; the others become annotations. */
    private static final Set<String> OBJECT_LABELS = Set.of("iname", "vrid", "group", "virtual_server",
            "real_server");

    /**
     * One alert as posted to Alertmanager.
     *
     * @param labels its identity
     * @param annotations what it says
     * @param startsAt when it started
     * @param endsAt when it ended (resolved, or a notice's end), or {@code null} while it fires:
     *        the post then sets it {@code firing_ttl} ahead
     */
    record Posting(Map<String, String> labels, Map<String, String> annotations, Instant startsAt, Instant endsAt) {

        Posting {
            labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
            annotations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
        }

        boolean firing() {
            return endsAt == null;
        }

        Posting resolvedAt(Instant end, Map<String, String> newAnnotations, Instant start) {
            return new Posting(labels, newAnnotations, start.isAfter(end) ? end : start, end);
        }
    }

    private final Map<String, String> extraLabels;

    AlertmanagerConditions(Map<String, String> extraLabels) {
        this.extraLabels = Map.copyOf(extraLabels);
    }

    /** What an alert posts: a condition firing or resolved, and for MASTER also the notice. */
    List<Posting> of(Alert alert) {
        List<Posting> out = new ArrayList<>();
        switch (alert.kind()) {
            case VRRP_INSTANCE -> {
                if (alert.to().contains("_")) {
                    break; // MASTER_PRIORITY, MASTER_RX_LOWER_PRI...: no change of condition
                }
                out.add(condition(alert, "KeepalivedVrrpFault", "critical", alert.to().equals("FAULT")));
                if (alert.to().equals("MASTER")) {
                    Posting notice = posting(alert, "KeepalivedVrrpBecameMaster", "info", alert.time());
                    out.add(new Posting(notice.labels(), notice.annotations(), alert.time(),
                            alert.time().plus(NOTICE_TTL)));
                }
            }
            case SYNC_GROUP -> out.add(condition(alert, "KeepalivedSyncGroupFault", "critical",
                    alert.to().equals("FAULT")));
            case REAL_SERVER -> out.add(condition(alert, "KeepalivedRealServerDown", "warning",
                    alert.to().equals("DOWN") && !stopping(alert) && !removed(alert)));
            case VIRTUAL_SERVER -> out.add(condition(alert, "KeepalivedVirtualServerQuorumLost", "critical",
                    alert.to().equals("DOWN") && !stopping(alert)));
            case TRACKER, DAEMON -> {
                // the Prometheus rules (KeepalivedScriptFailing, KeepalivedConfigReloadRefused) cover these
            }
        }
        return out;
    }

    /** Made by the daemon's stop, not by a check. */
    private static boolean stopping(Alert alert) {
        return Alert.SHUTTING_DOWN.equals(alert.body());
    }

    /** A live real server a reload took out: no checker decided it (see VirtualServerState.removeServer). */
    private static boolean removed(Alert alert) {
        return !alert.labels().containsKey("checker") && "removed".equals(alert.labels().get("detail"));
    }

    private Posting condition(Alert alert, String alertname, String severity, boolean firing) {
        Posting p = posting(alert, alertname, severity, alert.time());
        return firing ? p : p.resolvedAt(alert.time(), p.annotations(), alert.time());
    }

    private Posting posting(Alert alert, String alertname, String severity, Instant start) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", alertname);
        if (alert.routerId() != null) {
            labels.put("router_id", alert.routerId());
        }
        labels.put("severity", severity);
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", alert.subject());
        annotations.put("description", alert.body());
        annotations.put("state", alert.to());
        if (alert.from() != null) {
            annotations.put("previous_state", alert.from());
        }
        annotations.put("keepalived_name", alert.name());
        alert.labels().forEach((name, value) -> {
            if (OBJECT_LABELS.contains(name)) {
                labels.put(name, value);
            } else if (name.equals("interface")) {
                labels.put("intf", value);
            } else {
                annotations.put(name, value);
            }
        });
        extraLabels.forEach(labels::putIfAbsent);
        annotations.put("alert_id", alert.id());
        return new Posting(labels, annotations, start, null);
    }
}
