package org.keepalived4j.exporter.alerts.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keepalived4j.exporter.alerts.syslog.SyslogFixtures.alert;

import org.junit.jupiter.api.Test;

/** The RFC 5424 message's parts that need no receiver: severity, escaping, SD names. */
class SyslogMessageTest {

    @Test
    void severityFollowsWhatTheStateMeans() {
        assertThat(SyslogMessage.severity(alert("a", "FAULT", true))).isEqualTo(SyslogMessage.WARNING);
        assertThat(SyslogMessage.severity(alert("a", "DOWN", true))).isEqualTo(SyslogMessage.WARNING);
        assertThat(SyslogMessage.severity(alert("a", "MASTER", true))).isEqualTo(SyslogMessage.NOTICE);
        assertThat(SyslogMessage.severity(alert("a", "UP", true))).isEqualTo(SyslogMessage.NOTICE);
        assertThat(SyslogMessage.severity(alert("a", "BACKUP", true))).isEqualTo(SyslogMessage.INFO);
        assertThat(SyslogMessage.severity(alert("a", "STOP", true))).isEqualTo(SyslogMessage.INFO);
    }

    @Test
    void escapesParamValuesAndMakesValidSdNames() {
        assertThat(SyslogMessage.escape("a\"b\\c]d[e")).isEqualTo("a\\\"b\\\\c\\]d[e");
        assertThat(SyslogMessage.sdName("bad name=x\"]")).isEqualTo("bad_name_x__");
        assertThat(SyslogMessage.sdName("x".repeat(40))).hasSize(32);
        assertThat(SyslogMessage.sdName("")).isEqualTo("_");
    }
}
