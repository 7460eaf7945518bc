package org.keepalived4j.exporter.snmp.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keepalived4j.model.VrrpState;

/**
 * The three VRRP sections against the real keepalived 2.2.7: what they serve for the lab's node A
 * (LabNodeA, built by hand from keepalived-a.conf) compared, object by object, with what
 * snmpwalk read from keepalived for that configuration (capture-keepalived-vrrp.sh). OIDs,
 * types and values must match; counters and up times (which depend on when one walks) by type
 * only; ifIndex and MAC addresses are the ones the capture recorded. The only differences
 * allowed are LabComparison.KNOWN, each a deliberate departure explained in the sections' javadoc.
 */
class KeepalivedWalkComparisonTest {

    @ParameterizedTest
    @CsvSource({"walk-master.txt, MASTER", "walk-backup.txt, BACKUP"})
    void servesWhatKeepalivedServes(String walk, VrrpState state) {
        LabComparison.WalkResult result = LabComparison.walk(WalkOutput.resource(walk),
                WalkOutput.resource("interfaces.txt"), state);

        System.out.printf("%s: %d objects from keepalived, %d of ours, %d differ: %s%n", walk, result.keepalived(),
                result.ours(), result.differences(), result.explained());
        assertThat(result.unexplained()).as("objects that differ from keepalived's").isEmpty();
        assertThat(result.keepalived()).as("a walk worth comparing").isGreaterThan(350);
    }
}
