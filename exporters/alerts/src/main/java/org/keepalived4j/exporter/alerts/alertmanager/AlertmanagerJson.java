package org.keepalived4j.exporter.alerts.alertmanager;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.keepalived4j.exporter.alerts.Json;

/**
 * The body of {@code POST /api/v2/alerts}: a JSON array of
 * {@code {labels, annotations, startsAt, endsAt}}, times in RFC 3339 UTC with milliseconds.
 */
final class AlertmanagerJson {

    private AlertmanagerJson() {
    }

    /** The array for {@code postings}; a firing one ends at {@code firingEnd}. */
    static String alerts(List<AlertmanagerConditions.Posting> postings, Instant firingEnd) {
        StringBuilder b = new StringBuilder(256 * postings.size() + 2).append('[');
        for (AlertmanagerConditions.Posting p : postings) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append("{\"labels\":");
            Json.object(b, p.labels());
            b.append(",\"annotations\":");
            Json.object(b, p.annotations());
            b.append(",\"startsAt\":");
            Json.string(b, time(p.startsAt()));
            b.append(",\"endsAt\":");
            Json.string(b, time(p.firing() ? firingEnd : p.endsAt()));
            b.append('}');
        }
        return b.append(']').toString();
    }

    private static String time(Instant t) {
        // Instant.toString leaves out zero fractions and may give nanoseconds; both parse, milliseconds read better
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
