package org.keepalived4j.daemon;

import java.util.List;
import java.util.Locale;
import org.keepalived4j.model.Setting;
import org.keepalived4j.model.Settings;

/**
 * The daemon's own block, {@code keepalived4j_daemon}:
 *
 * <pre>
 * keepalived4j_daemon {
 *     reload_with_errors refuse   # refuse (default): a SIGHUP whose file has new errors keeps the
 *                                 #   running configuration; apply: use it anyway, as keepalived does
 * }
 * </pre>
 *
 * @param applyReloadWithErrors whether a reload whose configuration has errors is applied anyway
 */
record DaemonSettings(boolean applyReloadWithErrors) {

    static final String BLOCK = "keepalived4j_daemon";
    static final DaemonSettings DEFAULTS = new DaemonSettings(false);

    /** Reads the block; every problem is added to {@code problems} with its {@code file:line}. */
    static DaemonSettings parse(Settings settings, List<String> problems) {
        boolean apply = false;
        for (Setting s : settings.entries()) {
            if (!s.keyword().equals("reload_with_errors")) {
                problems.add(s.source() + ": unknown keyword '" + s.keyword() + "' in " + BLOCK);
                continue;
            }
            String value = s.args().size() == 1 ? s.args().get(0).toLowerCase(Locale.ROOT) : "";
            switch (value) {
                case "refuse" -> apply = false;
                case "apply" -> apply = true;
                default -> problems.add(s.source() + ": reload_with_errors must be refuse or apply");
            }
        }
        return new DaemonSettings(apply);
    }
}
