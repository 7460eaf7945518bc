package org.keepalived4j.exporter.alerts.syslog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keepalived4j.exporter.alerts.AlertSink;
import org.keepalived4j.exporter.alerts.AlertSinkProvider;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.Setting;
import org.keepalived4j.model.Settings;

/**
 * The {@code syslog} sinks: one per {@code syslog [NAME] { ... }} block of
 * {@code keepalived4j_alerts} ({@link SyslogSettings}); none without such a block.
 */
public final class SyslogSinkProvider implements AlertSinkProvider {

    @Override
    public String kind() {
        return "syslog";
    }

    @Override
    public List<AlertSink> create(GlobalSettings globals, Settings alertsBlock, List<String> problems) {
        List<AlertSink> sinks = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Setting line : alertsBlock.all("syslog")) {
            SyslogSettings settings = SyslogSettings.parse(line, problems);
            if (settings == null) {
                continue;
            }
            String first = seen.putIfAbsent(settings.sinkName(), line.source());
            if (first != null) {
                problems.add(line.source() + ": a second sink named " + settings.sinkName() + " (the first at " + first
                        + "): give each syslog block its own name, as in 'syslog ops {'; this one is left out");
                continue;
            }
            sinks.add(new SyslogSink(settings));
        }
        return sinks;
    }
}
