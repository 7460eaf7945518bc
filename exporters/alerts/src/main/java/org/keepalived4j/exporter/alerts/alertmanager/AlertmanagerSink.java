package org.keepalived4j.exporter.alerts.alertmanager;

import org.keepalived4j.exporter.alerts.AlertTls;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.keepalived4j.exporter.alerts.Alert;
import org.keepalived4j.exporter.alerts.AlertSink;
import org.keepalived4j.model.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts to Prometheus Alertmanager's API v2 ({@code POST /api/v2/alerts}) as the conditions
 * {@link AlertmanagerConditions} describes. Alertmanager drops an alert whose {@code endsAt}
 * passed and keeps no alerts across its own restarts, so, as Prometheus does, a firing alert is
 * posted with {@code endsAt} {@code firing_ttl} ahead and posted again every
 * {@code repost_interval} while it fires: a restarted Alertmanager learns it back within one
 * interval, and if keepalived4j itself dies its alerts end by themselves {@code firing_ttl} later
 * (Prometheus's {@code KeepalivedDown} rule covers that). A resolution is the same labels with
 * {@code endsAt} the time of the change. Alertmanager identifies an alert by its labels, so
 * posting the same alert again (a retry, a re-post) updates it: delivery is idempotent.
 *
 * <p>{@link #deliver} is 2xx or an exception naming the status and the start of the answer; the
 * re-posts run on a daemon thread of their own, and a failed one is logged at debug and tried
 * again at the next interval. A post and a re-post never overlap, so a re-post cannot bring back
 * what a delivery has just resolved.
 */
final class AlertmanagerSink implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerSink.class);
    private static final int BODY_IN_ERROR = 200;

    private final AlertmanagerSettings settings;
    private final AlertmanagerConditions conditions;
    private final Clock clock;
    private final HttpClient http;
    /** What fires, by its labels (Alertmanager's identity of an alert): what the re-posts send. */
    private final Map<Map<String, String>, AlertmanagerConditions.Posting> firing = new LinkedHashMap<>();
    private final ReentrantLock posting = new ReentrantLock();
    private final ScheduledExecutorService reposts;

    AlertmanagerSink(AlertmanagerSettings settings, Clock clock) throws GeneralSecurityException, IOException {
        this.settings = settings;
        this.conditions = new AlertmanagerConditions(settings.extraLabels());
        this.clock = clock;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER);
        if (settings.tlsInsecure() || settings.tlsCa() != null) {
            builder.sslContext(AlertTls.context(settings.tlsCa(), settings.tlsInsecure()));
        }
        this.http = builder.build();
        this.reposts = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alerts-" + settings.name() + "-repost");
            t.setDaemon(true);
            return t;
        });
        long every = settings.repostInterval().toMillis();
        reposts.scheduleWithFixedDelay(this::repost, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public boolean accepts(Alert alert) {
        return !conditions.of(alert).isEmpty(); // trackers, the daemon, priority notes: nothing to post
    }

    @Override
    public void deliver(Alert alert) throws IOException, InterruptedException {
        List<AlertmanagerConditions.Posting> postings = conditions.of(alert);
        posting.lock();
        try {
            List<AlertmanagerConditions.Posting> sent = new ArrayList<>();
            for (AlertmanagerConditions.Posting p : postings) {
                AlertmanagerConditions.Posting known;
                synchronized (firing) {
                    known = firing.get(p.labels());
                }
                // still firing: keep the start Alertmanager already has; resolved: it ends what started then
                Instant start = known == null ? p.startsAt() : known.startsAt();
                sent.add(p.firing() ? new AlertmanagerConditions.Posting(p.labels(), p.annotations(), start, null)
                        : p.resolvedAt(p.endsAt(), p.annotations(), start));
            }
            post(sent);
            synchronized (firing) {
                for (AlertmanagerConditions.Posting p : sent) {
                    if (p.firing()) {
                        firing.put(p.labels(), p);
                    } else {
                        firing.remove(p.labels());
                    }
                }
            }
        } finally {
            posting.unlock();
        }
    }

    /** Posts again what still fires, pushing its end {@code firing_ttl} ahead. */
    void repost() {
        posting.lock();
        try {
            List<AlertmanagerConditions.Posting> all;
            synchronized (firing) {
                all = List.copyOf(firing.values());
            }
            if (!all.isEmpty()) {
                post(all);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("alert sink {}: re-posting what fires failed, trying again in {}: {}", settings.name(),
                    settings.repostInterval(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            posting.unlock();
        }
    }

    /** How many conditions fire, as far as this sink delivered them. */
    int firingCount() {
        synchronized (firing) {
            return firing.size();
        }
    }

    private void post(List<AlertmanagerConditions.Posting> postings) throws IOException, InterruptedException {
        String body = AlertmanagerJson.alerts(postings, clock.instant().plus(settings.firingTtl()));
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.alertsUri()).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "keepalived4j")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (settings.authorization() != null) {
            request.header("Authorization", settings.authorization());
        }
        // the request timeout ends at the answer's head; this deadline also covers its body
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw timedOut();
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                // the client's own connect or request timer, which races this deadline
                throw timedOut();
            }
            String why = cause.getMessage() == null || cause.getMessage().isBlank() ? cause.getClass().getSimpleName()
                    : cause.getMessage();
            throw new IOException(settings.alertsUri() + ": " + why, cause);
        }
        if (response.statusCode() / 100 != 2) {
            String text = new String(response.body(), StandardCharsets.UTF_8).strip();
            if (text.length() > BODY_IN_ERROR) {
                text = text.substring(0, BODY_IN_ERROR) + "...";
            }
            throw new IOException(settings.alertsUri() + " answered " + response.statusCode()
                    + (text.isEmpty() ? "" : ": " + text));
        }
    }

    private HttpTimeoutException timedOut() {
        return new HttpTimeoutException(settings.alertsUri() + " did not answer within "
                + Settings.formatSeconds(settings.timeout()) + "s");
    }

    @Override
    public void close() {
        reposts.shutdownNow();
    }

    @Override
    public String toString() {
        return "alertmanager " + settings;
    }
}
