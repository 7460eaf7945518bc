package org.keepalived4j.exporter.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one sink's {@link AlertRoute}s let through: an alert no route of the sink matches is not
 * its; one the first matching route holds back (an identical repeat within {@code dedupe}, an
 * object flapping past {@code flap_damping}, the sink past {@code rate_limit}) is counted, and
 * what damping and the rate limit held back is sent as one summary alert when their window ends,
 * carrying the last state entered, so a sink never keeps a state the object has left. A sink no
 * route names lets every alert through. Called on one thread at a time (the alerts exporter's
 * lock); time comes from the caller.
 */
final class AlertGate {

    private final List<AlertRoute> routes;
    private final List<RouteState> states = new ArrayList<>();
    private volatile long held; // read by status() without the lock; written under it

    /** The gate of the sink {@code sink}: the routes naming it, in order. */
    AlertGate(String sink, List<AlertRoute> all) {
        this.routes = all.stream().filter(r -> r.sinks().contains(sink)).toList();
        for (int i = 0; i < routes.size(); i++) {
            states.add(new RouteState());
        }
    }

    /** Alerts held back so far (repeats, damping, rate limit), summaries not counted. */
    long held() {
        return held;
    }

    /**
     * What to hand to the sink for this alert, in order: the summary of a window of its route this
     * alert's time ended (its object's, or the rate limit's), then the alert itself unless it is
     * held back or not routed to the sink. Other windows' summaries wait for {@link #due}: only
     * this alert's own need to come before it, and looking at one object's window keeps an alert's
     * cost the same however many objects flap.
     */
    List<Alert> admit(Alert alert, Instant now) {
        List<Alert> out = new ArrayList<>(1);
        if (routes.isEmpty()) {
            out.add(alert);
            return out;
        }
        for (int i = 0; i < routes.size(); i++) {
            AlertRoute route = routes.get(i);
            if (route.matches(alert)) {
                states.get(i).dueFor(route, object(alert), now, out);
                if (states.get(i).pass(route, alert, now)) {
                    out.add(alert);
                } else {
                    held++;
                }
                return out;
            }
        }
        return out;
    }

    /** The summaries of the windows that ended by {@code now}. */
    List<Alert> due(Instant now) {
        List<Alert> out = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            states.get(i).due(routes.get(i), now, false, out);
        }
        return out;
    }

    /** Every summary still pending, whether or not its window ended (at a stop or a rebuild). */
    List<Alert> flush(Instant now) {
        List<Alert> out = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            states.get(i).due(routes.get(i), now, true, out);
        }
        return out;
    }

    /** A window of one object (flap damping) or of the whole sink (rate limit). */
    private static final class Window {
        final Instant start;
        int count;
        int heldBack;
        Alert first;
        Alert last;
        boolean mail;
        final java.util.Set<String> objects = new java.util.LinkedHashSet<>();

        Window(Instant start) {
            this.start = start;
        }

        /** Counts the alert in; whether it is within the allowance. */
        boolean take(Alert alert, int allowance) {
            count++;
            if (count <= allowance) {
                return true;
            }
            heldBack++;
            if (first == null) {
                first = alert;
            }
            last = alert;
            mail |= alert.mail();
            objects.add(alert.name());
            return false;
        }
    }

    private static final class RouteState {
        /** The last change let through per object, for dedupe: its from and to, and when. */
        final Map<String, String> lastChange = new HashMap<>();
        final Map<String, Instant> lastChangeAt = new HashMap<>();
        final Map<String, Window> flapping = new LinkedHashMap<>();
        Window rate;

        boolean pass(AlertRoute route, Alert alert, Instant now) {
            String object = object(alert);
            String change = alert.from() + ">" + alert.to();
            if (!route.dedupe().isZero()) {
                Instant at = lastChangeAt.get(object);
                if (change.equals(lastChange.get(object)) && at != null
                        && now.isBefore(at.plus(route.dedupe()))) {
                    return false;
                }
            }
            if (route.flapCount() > 0) {
                Window w = flapping.get(object);
                if (w == null || !now.isBefore(w.start.plus(route.flapWindow()))) {
                    w = new Window(now);
                    flapping.put(object, w);
                }
                if (!w.take(alert, route.flapCount())) {
                    return false;
                }
            }
            if (route.rateCount() > 0) {
                if (rate == null || !now.isBefore(rate.start.plus(route.rateWindow()))) {
                    rate = new Window(now);
                }
                if (!rate.take(alert, route.rateCount())) {
                    return false;
                }
            }
            lastChange.put(object, change);
            lastChangeAt.put(object, now);
            return true;
        }

        /** The summaries of {@code object}'s flap window and of the rate window, if they ended by {@code now}. */
        void dueFor(AlertRoute route, String object, Instant now, List<Alert> out) {
            Window w = flapping.get(object);
            if (w != null && !now.isBefore(w.start.plus(route.flapWindow()))) {
                flapping.remove(object);
                summarize(w, "flap damping", route.flapWindow(), now, out);
            }
            if (rate != null && !now.isBefore(rate.start.plus(route.rateWindow()))) {
                summarize(rate, "the rate limit", route.rateWindow(), now, out);
                rate = null;
            }
        }

        private void summarize(Window w, String why, Duration window, Instant now, List<Alert> out) {
            if (w.heldBack > 0) {
                out.add(summary(w, why, window, now));
                remember(w.last, now);
            }
        }

        void due(AlertRoute route, Instant now, boolean all, List<Alert> out) {
            for (Iterator<Window> it = flapping.values().iterator(); it.hasNext();) {
                Window w = it.next();
                if (all || !now.isBefore(w.start.plus(route.flapWindow()))) {
                    it.remove();
                    summarize(w, "flap damping", route.flapWindow(), now, out);
                }
            }
            if (rate != null && (all || !now.isBefore(rate.start.plus(route.rateWindow())))) {
                summarize(rate, "the rate limit", route.rateWindow(), now, out);
                rate = null;
            }
        }

        /** A summary carries the last change: a repeat of it is a repeat for dedupe. */
        private void remember(Alert last, Instant now) {
            String object = object(last);
            lastChange.put(object, last.from() + ">" + last.to());
            lastChangeAt.put(object, now);
        }
    }

    /** What flap damping and dedupe key on: the alert's kind and object. */
    private static String object(Alert alert) {
        return alert.kind() + " " + alert.name();
    }

    /**
     * One alert for what a window held back: the last alert's object and state, the first
     * one's starting state, its subject with the count, and {@code held_back} and
     * {@code window_seconds} among the labels. Its id is the last held alert's with
     * {@code -summary}: one summary per window, stable across retries.
     */
    private static Alert summary(Window w, String why, Duration window, Instant now) {
        Alert last = w.last;
        Map<String, String> labels = new LinkedHashMap<>(last.labels());
        labels.put("held_back", Integer.toString(w.heldBack));
        labels.put("window_seconds", Long.toString(window.toSeconds()));
        if (w.objects.size() > 1) {
            labels.put("objects", Integer.toString(w.objects.size()));
        }
        String what = w.heldBack + " alert" + (w.heldBack == 1 ? "" : "s") + " held back by " + why + " within "
                + window.toSeconds() + " s";
        String subject = (last.subject() == null ? last.name() + " - " + last.to() : last.subject()) + " (" + what
                + ")";
        String body = "=> " + what + (w.objects.size() > 1 ? " for " + w.objects.size() + " objects" : "")
                + "; the last: " + last.name() + " now " + last.to() + " <=";
        return new Alert(last.id() + "-summary", now, last.routerId(), last.kind(), last.name(), w.first.from(),
                last.to(), subject, body, w.mail, labels);
    }
}
