package org.keepalived4j.exporter.snmp.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.snmp4j.Snmp;
import org.snmp4j.mp.MPv3;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OctetString;

class SnmpStackTest {

    @Test
    void sendsNonNegativeMessageIdsWhateverTheBootsAre() {
        for (int boots : new int[] {1, 0x7fff, 0x8000, 0xffff, 222_000_000, Integer.MAX_VALUE - 1}) {
            Snmp snmp = SnmpStack.create(new OctetString("k4jtest"), boots, List.of(), UsmUser.LocalizationGrant.any,
                    event -> { });
            MPv3 mpv3 = (MPv3) snmp.getMessageDispatcher().getMessageProcessingModel(MPv3.ID);
            assertThat(mpv3.getNextMessageID()).as("boots %d", boots).isNotNegative();
            SnmpStack.close(snmp);
        }
    }

    @Test
    void keepsTheBootsInTheHighBitsOfTheFirstMessageId() {
        assertThat(SnmpStack.firstMessageId(0x1234) >>> 16).isEqualTo(0x1234);
        assertThat(SnmpStack.firstMessageId(0x9234) >>> 16).isEqualTo(0x1234);
    }
}
