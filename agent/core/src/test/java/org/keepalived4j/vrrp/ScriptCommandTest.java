package org.keepalived4j.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptCommandTest {

    @Test
    void splitsOnUnquotedWhiteSpace() {
        assertThat(ScriptCommand.split("/usr/bin/killall -0 nginx")).containsExactly("/usr/bin/killall", "-0", "nginx");
        assertThat(ScriptCommand.split("/bin/check 'a b' \"c d\"  e\\ f")).containsExactly("/bin/check", "a b", "c d",
                "e f");
    }

    @Test
    void runsAsAnotherUserThroughSetpriv() {
        assertThat(ScriptCommand.argv("/bin/true", "nobody", null))
                .containsExactly("setpriv", "--reuid=nobody", "--regid=nobody", "--init-groups", "--", "/bin/true");
        assertThat(ScriptCommand.argv("/bin/true", "root", null)).containsExactly("/bin/true");
    }
}
