package org.keepalived4j.exporter.alerts.alertmanager;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
            try {
                sinks.add(new AlertmanagerSink(settings, Clock.systemUTC()));
            } catch (GeneralSecurityException | IOException e) {
                problems.add(line.source() + ": alertmanager " + settings.name() + ": TLS settings unusable: "
                        + e.getMessage() + ": block left out");
            }
        }
        return sinks;
    }
}
