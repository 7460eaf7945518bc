package org.keepalived4j.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.Setting;
import org.keepalived4j.model.Settings;

class DaemonSettingsTest {

    private static Settings block(Setting... lines) {
        return new Settings(DaemonSettings.BLOCK, "k.conf:1", List.of(lines));
    }

    private static Setting line(String keyword, String... args) {
        return new Setting(keyword, List.of(args), null, "k.conf:2");
    }

    @Test
    void refusesReloadsWithErrorsByDefault() {
        List<String> problems = new ArrayList<>();
        assertThat(DaemonSettings.parse(Settings.empty(DaemonSettings.BLOCK), problems).applyReloadWithErrors()).isFalse();
        assertThat(problems).isEmpty();
    }

    @Test
    void applyRestoresKeepalivedsBehaviour() {
        List<String> problems = new ArrayList<>();
        assertThat(DaemonSettings.parse(block(line("reload_with_errors", "apply")), problems).applyReloadWithErrors())
                .isTrue();
        assertThat(problems).isEmpty();
    }

    @Test
    void reportsBadLinesWithTheirSource() {
        List<String> problems = new ArrayList<>();
        DaemonSettings.parse(block(line("reload_with_errors", "maybe"), line("reload_on_error", "apply")), problems);
        assertThat(problems).containsExactly("k.conf:2: reload_with_errors must be refuse or apply",
                "k.conf:2: unknown keyword 'reload_on_error' in keepalived4j_daemon");
    }
}
