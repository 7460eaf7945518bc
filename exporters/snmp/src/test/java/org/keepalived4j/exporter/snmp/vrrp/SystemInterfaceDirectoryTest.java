package org.keepalived4j.exporter.snmp.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SystemInterfaceDirectoryTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Map<String, SystemInterfaceDirectory.Found> kernel = new HashMap<>();
    private final List<String> askedFor = new ArrayList<>();
    private final SystemInterfaceDirectory directory = new SystemInterfaceDirectory(name -> {
        askedFor.add(name);
        return kernel.get(name);
    }, nanos::get);

    private static SystemInterfaceDirectory.Found found(int index, int lastMacByte) {
        return new SystemInterfaceDirectory.Found(index, new byte[] {2, 0, 0, 0, 0, (byte) lastMacByte});
    }

    @Test
    void asksTheKernelOnceForABurstOfLookUpsOfOneInterface() {
        kernel.put("eth0", found(7, 1));
        for (int i = 0; i < 1000; i++) {
            assertThat(directory.index("eth0")).isEqualTo(7);
            assertThat(directory.hardwareAddress("eth0")).containsExactly(2, 0, 0, 0, 0, 1);
            nanos.addAndGet(100_000); // 1,000 look-ups over 0.1 s
        }
        assertThat(askedFor).containsExactly("eth0");
    }

    @Test
    void seesAnInterfaceThatCameOrWentOnceTheAnswerIsOlderThanMaxAge() {
        assertThat(directory.index("eth1")).isZero();
        assertThat(directory.hardwareAddress("eth1")).isEmpty();
        kernel.put("eth1", found(9, 2)); // dynamic_interfaces: it appears
        nanos.addAndGet(SystemInterfaceDirectory.MAX_AGE.toNanos() - 1);
        assertThat(directory.index("eth1")).isZero();
        nanos.addAndGet(1);
        assertThat(directory.index("eth1")).isEqualTo(9);
        kernel.put("eth1", found(12, 3)); // deleted and created again: a new ifIndex
        nanos.addAndGet(SystemInterfaceDirectory.MAX_AGE.toNanos());
        assertThat(directory.index("eth1")).isEqualTo(12);
        assertThat(directory.hardwareAddress("eth1")).containsExactly(2, 0, 0, 0, 0, 3);
        assertThat(askedFor).containsExactly("eth1", "eth1", "eth1");
    }

    @Test
    void keepsEachInterfaceApartAndAnswersNothingForNoName() {
        kernel.put("eth0", found(7, 1));
        kernel.put("eth1", found(9, 2));
        assertThat(directory.index("eth0")).isEqualTo(7);
        assertThat(directory.index("eth1")).isEqualTo(9);
        assertThat(directory.index(null)).isZero();
        assertThat(directory.hardwareAddress(null)).isEmpty();
        assertThat(askedFor).containsExactly("eth0", "eth1");
    }

    @Test
    void anAnswerCannotBeChangedThroughTheArrayItReturns() {
        kernel.put("eth0", found(7, 1));
        directory.hardwareAddress("eth0")[5] = 99;
        assertThat(directory.hardwareAddress("eth0")).containsExactly(2, 0, 0, 0, 0, 1);
    }

    @Test
    void findsTheLoopbackInterfaceOfThisNamespace() {
        SystemInterfaceDirectory system = new SystemInterfaceDirectory();
        assertThat(system.index("lo")).isPositive();
        assertThat(system.index("no-such-interface-k4j")).isZero();
    }
}
