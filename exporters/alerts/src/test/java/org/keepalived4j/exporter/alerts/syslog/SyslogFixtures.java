package org.keepalived4j.exporter.alerts.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keepalived4j.exporter.alerts.Alert;
import org.keepalived4j.exporter.alerts.AlertSink;
import org.keepalived4j.model.TestSettings;

/** The alert and the sinks the syslog tests use: an alert whose text and labels need every kind of care. */
final class SyslogFixtures {

    /** Non-ASCII in the subject: a dash, an umlaut, a euro sign and a character outside the BMP. */
    static final String SUBJECT = "[lb1] VRRP Instance VI_1 – Entering MASTER state (ü €, 😀)";
    static final String BODY = "=> VRRP Instance is now owning VRRP VIPs <=";

    private SyslogFixtures() {
    }

    static Alert alert(String id, String to, boolean mail) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("iname", "VI_1");
        labels.put("reason", "say \"hi\" \\ [x] done");
        labels.put("bad name=x\"]", "ä");
        return new Alert(id, Instant.parse("2026-12-07T10:00:00.123456789Z"), "lb1", Alert.Kind.VRRP_INSTANCE,
                "VI_1", "BACKUP", to, SUBJECT, BODY, mail, labels);
    }

    /** The sinks a {@code keepalived4j_alerts} block with these lines makes; the problems go to {@code problems}. */
    static List<AlertSink> sinks(List<String> problems, String... lines) {
        return new SyslogSinkProvider().create(null, TestSettings.block("keepalived4j_alerts", lines), problems);
    }

    /** The one sink of one {@code syslog { ... }} block holding {@code lines}; no problems allowed. */
    static SyslogSink sink(String... lines) {
        List<String> all = new ArrayList<>(List.of("syslog {"));
        all.addAll(List.of(lines));
        all.add("}");
        List<String> problems = new ArrayList<>();
        List<AlertSink> sinks = sinks(problems, all.toArray(String[]::new));
        assertThat(problems).isEmpty();
        assertThat(sinks).hasSize(1);
        return (SyslogSink) sinks.get(0);
    }
}
