package org.keepalived4j.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keepalived4j.config.NotifyScript;

class VrrpReadModelTest {

    @Test
    void splitsAScriptIntoWordsAsKeepalivedRunsIt() {
        assertThat(VrrpReadModel.line(new NotifyScript("/usr/bin/echo 'two words' x\\ y", null, null)).quotedWords())
                .isEqualTo("'/usr/bin/echo' 'two words' 'x y'");
    }
}
