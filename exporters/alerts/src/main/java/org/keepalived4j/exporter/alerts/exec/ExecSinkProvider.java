package org.keepalived4j.exporter.alerts.exec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.keepalived4j.exporter.alerts.AlertSink;
import org.keepalived4j.exporter.alerts.AlertSinkProvider;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.ScriptLauncher;
import org.keepalived4j.model.Setting;
import org.keepalived4j.model.Settings;

/**
 * The {@code exec} sink, which runs keepalived's notify scripts ({@code notify_master} ...
 * {@code notify}, {@code notify_master_rx_lower_pri}, {@code notify_up}/{@code notify_down},
 * {@code quorum_up}/{@code quorum_down}) through the alerts' delivery: there is always one, as
 * keepalived always runs the scripts its configuration names. An optional block of
 * {@code keepalived4j_alerts} sets the time a run may take:
 * <pre>
 * exec {
 *     timeout 60    # seconds before a run's process group gets SIGTERM (then SIGKILL); default 60
 * }
 * </pre>
 */
public final class ExecSinkProvider implements AlertSinkProvider {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String kind() {
        return "exec";
    }

    /** Without the daemon's launcher there is nothing to run the scripts with: no sink. */
    @Override
    public List<AlertSink> create(GlobalSettings globals, Settings alertsBlock, List<String> problems) {
        return List.of();
    }

    @Override
    public List<AlertSink> create(GlobalSettings globals, Settings alertsBlock, ScriptLauncher scripts,
            List<String> problems) {
        if (scripts == ScriptLauncher.NONE) {
            return List.of(); // no daemon behind the context
        }
        return List.of(new ExecSink(scripts, timeout(alertsBlock, problems)));
    }

    @Override
    public void validate(Settings alertsBlock, List<String> problems) {
        timeout(alertsBlock, problems);
    }

    static Duration timeout(Settings alertsBlock, List<String> problems) {
        List<Setting> blocks = alertsBlock.all("exec");
        if (blocks.isEmpty()) {
            return DEFAULT_TIMEOUT;
        }
        for (Setting extra : blocks.subList(0, blocks.size() - 1)) {
            problems.add(extra.source() + ": a second exec block; the last one is used");
        }
        Setting line = blocks.get(blocks.size() - 1);
        Optional<Settings> block = Optional.ofNullable(line.block());
        if (block.isEmpty() || !line.args().isEmpty()) {
            problems.add(line.source() + ": exec takes a block, 'exec { timeout 60 }', and no name");
            return DEFAULT_TIMEOUT;
        }
        for (Setting s : block.get().entries()) {
            if (!s.keyword().equals("timeout")) {
                problems.add(s.source() + ": unknown exec keyword '" + s.keyword() + "' (known: timeout)");
            }
        }
        return block.get().seconds("timeout", DEFAULT_TIMEOUT, Duration.ofSeconds(1), Duration.ofDays(1), problems);
    }
}
