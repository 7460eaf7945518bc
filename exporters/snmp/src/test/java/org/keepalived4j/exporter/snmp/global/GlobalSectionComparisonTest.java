package org.keepalived4j.exporter.snmp.global;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The global section against what keepalived 2.2.7 itself serves: each walk-NAME.txt was captured
 * from keepalived running keepalived-NAME.conf (src/test/scripts/capture-keepalived-global.sh,
 * which GlobalSectionKeepalivedIT runs again); for each, the snapshot keepalived4j's daemon holds
 * for that configuration must give the same objects, types and values.
 */
class GlobalSectionComparisonTest {

    @ParameterizedTest
    @EnumSource(KeepalivedGlobalCases.class)
    void servesWhatKeepalivedServedForTheSameConfiguration(KeepalivedGlobalCases c) throws IOException {
        c.assertSameAs(SnmpWalkText.read(getClass(), "walk-" + c.name + ".txt"));
    }
}
