package org.keepalived4j.exporter.snmp.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.keepalived4j.exporter.snmp.Notification;
import org.keepalived4j.model.LogCapture;
import org.keepalived4j.model.TestSettings;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

class StandaloneSnmpTest {

    private static final OID STATE_CHANGE = new OID("1.3.6.1.4.1.9586.100.5.2.10.0.2");

    private static StandaloneSnmp start(String... lines) throws Exception {
        List<String> problems = new ArrayList<>();
        SnmpAgentSettings settings = SnmpAgentSettings.parse(TestSettings.block("keepalived4j_snmp", lines), problems);
        assertThat(problems).isEmpty();
        return StandaloneSnmp.start(settings, new TestMibView(), Clock.systemUTC());
    }

    private static Notification numbered(int i) {
        return new Notification(STATE_CHANGE,
                List.of(new VariableBinding(new OID("1.3.6.1.4.1.9586.100.5.2.3.1.4.1"), new Integer32(i))));
    }

    @Test
    void logsALostInformEvenWhileTheSameSinksQueueOverflows() throws Exception {
        try (DeadReceiver dead = new DeadReceiver(); LogCapture log = new LogCapture()) {
            try (StandaloneSnmp snmp = start("trapsess -v 2c -c public -Ci -r 0 -t 0.3 127.0.0.1:" + dead.port())) {
                // a burst larger than the queue while the first inform waits for its acknowledgement
                for (int i = 0; i < QueuedSink.CAPACITY + 50; i++) {
                    snmp.notifications().send(numbered(i));
                }
                await().atMost(30, TimeUnit.SECONDS).until(() -> log.text().contains(" lost: "));
                String text = log.text();
                assertThat(text).containsPattern("SNMP notification to .*udp:127\\.0\\.0\\.1:" + dead.port() + ".* dropped: ");
                assertThat(text).contains("SNMP inform 1.3.6.1.4.1.9586.100.5.2.10.0.2 to udp:127.0.0.1:" + dead.port()
                        + " lost: no acknowledgement after 1 tries");
                // the drops that followed the first drop line are the overflow window's, not the loss line's
                assertThat(text).doesNotContain("more like this");
            }
        }
    }
}
