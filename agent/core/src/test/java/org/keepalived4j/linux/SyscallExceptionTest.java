package org.keepalived4j.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class SyscallExceptionTest {

    @Test
    void carriesCallErrnoAndSystemText() {
        SyscallException exception = new SyscallException("setsockopt(IP_ADD_MEMBERSHIP 224.0.0.18)", Errno.ENODEV);

        assertThat(exception.call()).isEqualTo("setsockopt(IP_ADD_MEMBERSHIP 224.0.0.18)");
        assertThat(exception.errno()).isEqualTo(19);
        assertThat(exception.errnoName()).isEqualTo("ENODEV");
        assertThat(exception).hasMessage("setsockopt(IP_ADD_MEMBERSHIP 224.0.0.18) failed: No such device (ENODEV)");
    }

    @Test
    void namesUnlistedErrnoValuesByNumber() {
        assertThat(Errno.name(4095)).isEqualTo("errno 4095");
        assertThat(new SyscallException("x", 4095).getMessage()).contains("Unknown error 4095");
    }

    @Test
    void reportsTheErrnoOfAFailedCall() {
        assertThatThrownBy(() -> NetworkNamespaces.enterOnCurrentThread(Path.of("/nonexistent/netns/x")))
                .isInstanceOfSatisfying(SyscallException.class, e -> {
                    assertThat(e.errnoName()).isEqualTo("ENOENT");
                    assertThat(e.call()).isEqualTo("open(/nonexistent/netns/x)");
                    assertThat(e).hasMessageContaining("No such file or directory");
                });
    }
}
