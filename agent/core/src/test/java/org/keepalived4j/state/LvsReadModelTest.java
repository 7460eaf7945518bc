package org.keepalived4j.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keepalived4j.config.LvsParsing;
import org.keepalived4j.config.VirtualServerConfig;
import org.keepalived4j.model.VirtualServerSettings;

/** What the read model shows of a virtual server's own settings, beside what its real servers inherit. */
class LvsReadModelTest {

    private static VirtualServerSettings settings(String body) {
        VirtualServerConfig vs = LvsParsing.parse("virtual_server 10.1.1.1 80 {\n protocol TCP\n lb_kind NAT\n" + body
                + " real_server 10.2.2.2 80 {\n  TCP_CHECK {\n  }\n }\n}\n").lvs().virtualServers().get(0);
        return LvsReadModel.virtualServer(vs, 1);
    }

    @Test
    void theVirtualServersOwnWeightInhibitAndSorryServerForwarding() {
        VirtualServerSettings s = settings(" weight 7\n inhibit_on_failure\n sorry_server 10.3.3.3 80\n"
                + " sorry_server_lvs_method DR\n");
        assertThat(s.weight()).isEqualTo(7);
        assertThat(s.inhibitOnFailure()).isTrue();
        assertThat(s.sorryServerForwarding().method()).isEqualToIgnoringCase("DR");
        assertThat(s.forwarding().method()).isEqualToIgnoringCase("NAT");
    }

    @Test
    void withoutThemTheDefaults() {
        VirtualServerSettings s = settings(" sorry_server 10.3.3.3 80\n");
        assertThat(s.weight()).isEqualTo(1);
        assertThat(s.inhibitOnFailure()).isFalse();
        assertThat(s.sorryServerForwarding()).isEqualTo(s.forwarding());
        assertThat(settings("").sorryServerForwarding()).isNull();
    }
}
