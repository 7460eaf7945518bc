package org.keepalived4j.exporter.snmp.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.ScriptLine;

/** The small encodings every VRRP table shares. */
class EncodingsTest {

    @Test
    void addressesAreReadFromLiteralsOnly() {
        assertThat(InetAddresses.bytes("10.1.2.3/24")).containsExactly(10, 1, 2, 3);
        assertThat(InetAddresses.bytes("fe80::1%eth0")).hasSize(16).startsWith((byte) 0xfe, (byte) 0x80);
        assertThat(InetAddresses.bytes("1.2.3.999")).isNull();
        assertThat(InetAddresses.bytes("example.com")).isNull();
        assertThat(InetAddresses.bytes(null)).isNull();
        assertThat(InetAddresses.ipAddress("fd00::1")).hasToString("0.0.0.0");
        assertThat(InetAddresses.type(true).toInt()).isEqualTo(2);
    }

    @Test
    void scriptsAreTheirWordsEachQuotedExceptALeadingRedirection() {
        assertThat(CommandText.of(new ScriptLine("x", null, null, List.of("/bin/echo", "a b", "c"))))
                .hasToString("'/bin/echo' 'a b' 'c'");
        assertThat(CommandText.of(new ScriptLine("x", null, null, List.of("</dev/tcp/127.0.0.1/80"))))
                .hasToString("</dev/tcp/127.0.0.1/80");
        assertThat(CommandText.of(null)).isNull();
    }

    @Test
    void scopesAreInetScopeTypes() {
        assertThat(List.of("global", "site", "link", "host", "nowhere", "253")).extracting(
                s -> Scopes.inetScope(Scopes.linuxScope(s))).containsExactly(14, 5, 2, 1, 0, 2);
        assertThat(Scopes.inetScope(Scopes.linuxScope(null))).isEqualTo(14);
    }
}
