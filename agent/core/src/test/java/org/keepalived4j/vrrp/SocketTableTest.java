package org.keepalived4j.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SocketTableTest {

    private static final int KERNEL_DEFAULT = 212_992;

    @Test
    void configuredSharesAreAskedForAsTheyAreAsKeepalivedDoes() {
        assertThat(SocketTable.receiveBufferRequest(300_000, 10_050, KERNEL_DEFAULT)).isEqualTo(300_000);
        assertThat(SocketTable.receiveBufferRequest(5_000_000_000L, 50, KERNEL_DEFAULT))
                .as("the sum of several large shares is capped at what SO_RCVBUF takes").isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void withoutConfigurationTheBufferHoldsASecondOfAdverts() {
        // 201 instances at 0.02 s: 10,050 adverts a second of 2 KiB each; the kernel doubles the request
        assertThat(SocketTable.receiveBufferRequest(0, 10_050, KERNEL_DEFAULT) * 2L)
                .isEqualTo(10_050L * SocketTable.STALL_SECONDS * SocketTable.ADVERT_QUEUE_COST);
    }

    @Test
    void withoutConfigurationTheKernelDefaultIsNeverReduced() {
        // one instance at 1 s: 2 KiB would be less than the kernel's default
        assertThat(SocketTable.receiveBufferRequest(0, 1, KERNEL_DEFAULT) * 2).isEqualTo(KERNEL_DEFAULT);
    }

    @Test
    void withoutConfigurationTheBufferIsCapped() {
        assertThat(SocketTable.receiveBufferRequest(0, 255L * 100 * 4, KERNEL_DEFAULT) * 2)
                .isEqualTo(SocketTable.MAX_DEFAULT_BUFFER);
    }
}
