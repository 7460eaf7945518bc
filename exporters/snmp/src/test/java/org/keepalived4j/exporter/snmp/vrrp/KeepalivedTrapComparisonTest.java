package org.keepalived4j.exporter.snmp.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The VRRP notification sources against the real keepalived 2.2.7: the notifications they make
 * for the events of the lab's run (start, MASTER, preempted by a peer, SIGTERM; LabNodeA)
 * compared with what snmptrapd received from keepalived in that run
 * (capture-keepalived-vrrp.sh): the same notifications in the same order, each with the same
 * objects, types and values. sysUpTime.0, which the transport adds, is not compared.
 */
class KeepalivedTrapComparisonTest {

    @Test
    void sendsWhatKeepalivedSends() {
        List<String> keepalived = LabComparison.keepalivedTraps(WalkOutput.resource("traps.txt"));
        List<String> ours = LabComparison.ourTraps(WalkOutput.resource("interfaces.txt"));

        System.out.printf("traps: %d from keepalived, %d of ours%n", keepalived.size(), ours.size());
        assertThat(ours).containsExactlyElementsOf(keepalived);
        assertThat(keepalived).hasSize(20);
    }
}
