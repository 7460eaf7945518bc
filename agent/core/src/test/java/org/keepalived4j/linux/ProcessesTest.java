package org.keepalived4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessesTest {

    @Test
    void reportsThePidOfThisJvm() {
        assertThat((long) Processes.pid()).isEqualTo(ProcessHandle.current().pid());
    }
}
