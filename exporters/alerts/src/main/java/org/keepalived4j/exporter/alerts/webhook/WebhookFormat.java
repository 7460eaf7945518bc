package org.keepalived4j.exporter.alerts.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keepalived4j.exporter.alerts.Alert;
import org.keepalived4j.exporter.alerts.Json;

/**
 * What a webhook request's body looks like ({@code format} in the {@code webhook} block). Every
 * body is one JSON object for one alert.
 */
enum WebhookFormat {

    /**
     * Our own schema, {@value #SCHEMA} (conf/alert-webhook.schema.json): every field of the
     * alert, for receivers written against keepalived4j. Fields are only ever added within a
     * version; a change that would break a receiver gets a new version.
     */
    JSON {
        @Override
        String body(Alert a) {
            StringBuilder b = new StringBuilder(512).append('{');
            Json.string(Json.member(b, "schema"), SCHEMA);
            Json.string(Json.member(b, "id"), a.id());
            Json.string(Json.member(b, "time"), a.time().toString());
            Json.string(Json.member(b, "router_id"), nonNull(a.routerId()));
            Json.string(Json.member(b, "kind"), a.kind().name().toLowerCase(Locale.ROOT));
            Json.string(Json.member(b, "name"), a.name());
            Json.string(Json.member(b, "from"), a.from());
            Json.string(Json.member(b, "to"), a.to());
            Json.string(Json.member(b, "subject"), nonNull(a.subject()));
            Json.string(Json.member(b, "body"), nonNull(a.body()));
            Json.member(b, "mail").append(a.mail());
            Json.member(b, "labels").append('{');
            for (Map.Entry<String, String> label : a.labels().entrySet()) {
                Json.string(Json.member(b, label.getKey()), nonNull(label.getValue()));
            }
            return b.append("}}").toString();
        }
    },

    /**
     * A Slack incoming webhook's message: {@code text} in Slack's mrkdwn, the subject in bold,
     * keepalived's body line, then the details one per line. Slack reads {@code &}, {@code <} and
     * {@code >} as markup ({@code <!channel>} would notify a whole channel), so they are escaped
     * as Slack asks.
     */
    SLACK {
        @Override
        String body(Alert a) {
            StringBuilder text = new StringBuilder(256).append('*').append(slack(nonNull(a.subject()))).append("*\n")
                    .append(slack(nonNull(a.body())));
            for (String[] fact : facts(a)) {
                text.append('\n').append(slack(fact[0])).append(": ").append(slack(fact[1]));
            }
            StringBuilder b = new StringBuilder(text.length() + 16).append('{');
            Json.string(Json.member(b, "text"), text.toString());
            return b.append('}').toString();
        }
    },

    /**
     * A Microsoft Teams message holding an Adaptive Card (version {@value #ADAPTIVE_CARD_VERSION}):
     * the subject as the title, keepalived's body line, and the details as a FactSet. This is what
     * a Teams Workflows webhook ("When a Teams webhook request is received" / "Post to a channel
     * when a webhook request is received") posts, and what the retiring Office 365 connector
     * incoming webhooks accept too; Workflows do not take the older MessageCard.
     */
    TEAMS {
        @Override
        String body(Alert a) {
            StringBuilder b = new StringBuilder(1024);
            b.append("{\"type\":\"message\",\"attachments\":[{\"contentType\":\"application/vnd.microsoft.card.adaptive\",")
                    .append("\"contentUrl\":null,\"content\":{")
                    .append("\"$schema\":\"http://adaptivecards.io/schemas/adaptive-card.json\",")
                    .append("\"type\":\"AdaptiveCard\",\"version\":\"").append(ADAPTIVE_CARD_VERSION)
                    .append("\",\"body\":[");
            b.append("{\"type\":\"TextBlock\",\"size\":\"Medium\",\"weight\":\"Bolder\",\"wrap\":true,\"text\":");
            Json.string(b, nonNull(a.subject())).append("},");
            b.append("{\"type\":\"TextBlock\",\"wrap\":true,\"text\":");
            Json.string(b, nonNull(a.body())).append("},");
            b.append("{\"type\":\"FactSet\",\"facts\":[");
            String comma = "";
            for (String[] fact : facts(a)) {
                b.append(comma).append("{\"title\":");
                Json.string(b, fact[0]).append(",\"value\":");
                Json.string(b, fact[1]).append('}');
                comma = ",";
            }
            return b.append("]}]}}]}").toString();
        }
    };

    /** The {@code schema} of {@link #JSON} bodies. */
    static final String SCHEMA = "keepalived4j.alert/v1";
    static final String ADAPTIVE_CARD_VERSION = "1.4";

    /** The request body for one alert. */
    abstract String body(Alert alert);

    /** The format a {@code format} line names ({@code json}, {@code slack}, {@code teams}), or {@code null}. */
    static WebhookFormat named(String word) {
        for (WebhookFormat f : values()) {
            if (f.name().equalsIgnoreCase(word)) {
                return f;
            }
        }
        return null;
    }

    /** The details a person reads under the subject: the state change, the labels, the time and the id. */
    static List<String[]> facts(Alert a) {
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"state", a.from() == null ? a.to() : a.from() + " -> " + a.to()});
        facts.add(new String[] {"router_id", nonNull(a.routerId())});
        for (Map.Entry<String, String> label : a.labels().entrySet()) {
            facts.add(new String[] {label.getKey(), nonNull(label.getValue())});
        }
        facts.add(new String[] {"time", a.time().toString()});
        facts.add(new String[] {"alert id", a.id()});
        return facts;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** Slack's three control characters, escaped as its message formatting documentation asks. */
    static String slack(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
