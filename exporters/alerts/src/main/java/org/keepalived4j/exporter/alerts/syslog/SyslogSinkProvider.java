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
        for (SyslogSettings settings : blocks(alertsBlock, problems)) {
            sinks.add(new SyslogSink(settings));
        }
        return sinks;
    }

    /** For {@code -t}: each block read and the names checked, without opening a socket. */
    @Override
    public void validate(Settings alertsBlock, List<String> problems) {
        blocks(alertsBlock, problems);
    }

    /** The blocks that can be used, in order; the others reported. */
    private static List<SyslogSettings> blocks(Settings alertsBlock, List<String> problems) {
        List<SyslogSettings> blocks = new ArrayList<>();
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
            blocks.add(settings);
        }
        return blocks;
    }
}
