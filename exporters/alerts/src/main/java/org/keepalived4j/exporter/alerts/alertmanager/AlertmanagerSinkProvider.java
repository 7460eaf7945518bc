package org.keepalived4j.exporter.alerts.alertmanager;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.keepalived4j.exporter.alerts.AlertTls;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Set;
import org.keepalived4j.exporter.alerts.AlertSink;
import org.keepalived4j.exporter.alerts.AlertSinkProvider;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.Setting;
import org.keepalived4j.model.Settings;

/** The {@code alertmanager} sinks: one per {@code alertmanager [NAME] { ... }} block of {@code keepalived4j_alerts}. */
public final class AlertmanagerSinkProvider implements AlertSinkProvider {

    @Override
    public String kind() {
        return AlertmanagerSettings.KIND;
    }

    @Override
    public List<AlertSink> create(GlobalSettings globals, Settings alertsBlock, List<String> problems) {
        List<AlertSink> sinks = new ArrayList<>();
        for (Map.Entry<Setting, AlertmanagerSettings> block : blocks(alertsBlock, problems).entrySet()) {
            try {
                sinks.add(new AlertmanagerSink(block.getValue(), Clock.systemUTC()));
            } catch (GeneralSecurityException | IOException e) {
                problems.add(unusableTls(block.getKey(), block.getValue(), e));
            }
        }
        return sinks;
    }

    /** For {@code -t}: each block read, names checked, and its {@code tls_ca} loaded. */
    @Override
    public void validate(Settings alertsBlock, List<String> problems) {
        for (Map.Entry<Setting, AlertmanagerSettings> block : blocks(alertsBlock, problems).entrySet()) {
            AlertmanagerSettings settings = block.getValue();
            if (settings.tlsCa() != null || settings.tlsInsecure()) {
                try {
                    AlertTls.context(settings.tlsCa(), settings.tlsInsecure());
                } catch (GeneralSecurityException | IOException e) {
                    problems.add(unusableTls(block.getKey(), settings, e));
                }
            }
        }
    }

    /** The blocks that can be used, by their line, in order; the others reported. */
    private Map<Setting, AlertmanagerSettings> blocks(Settings alertsBlock, List<String> problems) {
        Map<Setting, AlertmanagerSettings> blocks = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (Setting line : alertsBlock.all(kind())) {
            AlertmanagerSettings settings = AlertmanagerSettings.parse(line, problems);
            if (settings == null) {
                continue;
            }
            if (!names.add(settings.name())) {
                problems.add(line.source() + ": a second sink named " + settings.name()
                        + " (give each alertmanager block its own name): block left out");
                continue;
            }
            blocks.put(line, settings);
        }
        return blocks;
    }

    private static String unusableTls(Setting line, AlertmanagerSettings settings, Exception e) {
        return line.source() + ": alertmanager " + settings.name() + ": TLS settings unusable: " + e.getMessage()
                + ": block left out";
    }
}
