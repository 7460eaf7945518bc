package org.keepalived4j.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalived4j.config.GlobalConfig;
import org.keepalived4j.config.Parsing;
import org.keepalived4j.model.NotifyFifoSettings;

/** What exporters see of global_defs' notify FIFOs. */
class GlobalReadModelTest {

    private static List<NotifyFifoSettings> fifos(String body) {
        GlobalConfig g = Parsing.parse("global_defs {\n" + body + "\n}\n").config().global();
        return GlobalReadModel.of(g).notifyFifos();
    }

    @Test
    void eachFifoWithItsLineItsOwnerAndItsScriptsUser() {
        List<NotifyFifoSettings> fifos = fifos("""
                script_user root
                lvs_notify_fifo /run/l.fifo nobody nogroup
                notify_fifo /run/n.fifo
                notify_fifo_script "/bin/cat -u" nobody
                vrrp_notify_fifo_script /bin/cat""");
        assertThat(fifos).extracting(NotifyFifoSettings::keyword).containsExactly("notify_fifo", "lvs_notify_fifo");
        NotifyFifoSettings all = fifos.get(0);
        assertThat(all.path()).isEqualTo("/run/n.fifo");
        assertThat(all.source()).endsWith(":4");
        assertThat(all.user()).isEqualTo("root");
        assertThat(all.script().words()).containsExactly("/bin/cat", "-u");
        assertThat(all.script().user()).isEqualTo("nobody");
        NotifyFifoSettings lvs = fifos.get(1);
        assertThat(lvs.user()).isEqualTo("nobody");
        assertThat(lvs.group()).isEqualTo("nogroup");
        assertThat(lvs.script()).isNull();
        assertThat(lvs.source()).endsWith(":3");
    }

    @Test
    void noFifoNoSettings() {
        assertThat(fifos("router_id r1")).isEmpty();
    }
}
