package org.keepalived4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptLineTest {

    @Test
    void quotesEveryWordAsKeepalivedShowsACommand() {
        ScriptLine line = new ScriptLine("\"/usr/local/bin/vs_up.sh 10.0.0.1 'two words'\"", null, null,
                List.of("/usr/local/bin/vs_up.sh", "10.0.0.1", "two words"));

        assertThat(line.quotedWords()).isEqualTo("'/usr/local/bin/vs_up.sh' '10.0.0.1' 'two words'");
    }

    @Test
    void leavesAFirstWordThatTestsAFileUnquoted() {
        ScriptLine line = new ScriptLine("</etc/keepalived/up", null, null, List.of("</etc/keepalived/up"));

        assertThat(line.quotedWords()).isEqualTo("</etc/keepalived/up");
    }

    @Test
    void anUnsplitCommandIsOneWord() {
        ScriptLine line = new ScriptLine(" /etc/keepalived/notify.sh ", "nobody", null);

        assertThat(line.words()).containsExactly("/etc/keepalived/notify.sh");
        assertThat(line.quotedWords()).isEqualTo("'/etc/keepalived/notify.sh'");
    }
}
