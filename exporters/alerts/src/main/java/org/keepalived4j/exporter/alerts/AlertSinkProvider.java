package org.keepalived4j.exporter.alerts;

import java.util.List;
import org.keepalived4j.model.GlobalSettings;
import org.keepalived4j.model.ScriptLauncher;
import org.keepalived4j.model.Settings;

/**
 * Makes the sinks of one kind from the configuration. Providers are found with
 * {@link java.util.ServiceLoader} (a jar on the class path adds one) and need a public
 * no-argument constructor.
 */
public interface AlertSinkProvider {

    /** The kind, e.g. {@code email}: its settings are the {@code kind { ... }} sub-blocks of {@code keepalived4j_alerts}. */
    String kind();

    /**
     * The sinks this configuration asks for: from keepalived's own keywords in {@code globals}
     * and from the {@code kind} sub-blocks of the alerts block; none when it asks for none.
     * Problems with a line are reported to {@code problems} with its {@code file:line}.
     */
    List<AlertSink> create(GlobalSettings globals, Settings alertsBlock, List<String> problems);

    /**
     * As {@link #create(GlobalSettings, Settings, List)}, for a kind whose sinks run programs:
     * {@code scripts} runs them the daemon's way. By default the launcher is not needed.
     */
    default List<AlertSink> create(GlobalSettings globals, Settings alertsBlock, ScriptLauncher scripts,
            List<String> problems) {
        return create(globals, alertsBlock, problems);
    }

    /**
     * Reports the problems of this kind's sub-blocks of the alerts block without making a sink,
     * for {@code keepalived4j -t}, each with its line's {@code file:line}. By default nothing is
     * checked (a kind that needs {@code global_defs} to judge its block leaves it to {@link #create}).
     */
    default void validate(Settings alertsBlock, List<String> problems) {
    }
}
