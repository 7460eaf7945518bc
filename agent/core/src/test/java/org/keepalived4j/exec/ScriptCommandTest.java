package org.keepalived4j.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keepalived4j.linux.Accounts;

class ScriptCommandTest {

    @Test
    void splitsAsKeepalivedSplitsScripts() {
        assertThat(ScriptCommand.parse("/usr/bin/killall -0 nginx", ScriptUser.DAEMON).argv())
                .containsExactly("/usr/bin/killall", "-0", "nginx");
        assertThat(ScriptCommand.parse("/bin/check 'a b' \"c d\"  e\\ f", ScriptUser.DAEMON).argv())
                .containsExactly("/bin/check", "a b", "c d", "e f");
        assertThat(ScriptCommand.parse("/bin/check 'open", ScriptUser.DAEMON).argv()).containsExactly("/bin/check 'open");
    }

    @Test
    void appendsNotifyArguments() {
        assertThat(ScriptCommand.parse("/bin/n x", ScriptUser.DAEMON).withArguments(List.of("INSTANCE", "VI_1")).argv())
                .containsExactly("/bin/n", "x", "INSTANCE", "VI_1");
    }

    @Test
    void aScriptsOwnUserWinsOverTheGlobalOne() {
        ScriptUser global = new ScriptUser("nobody", null);
        assertThat(ScriptUser.of(null, null, global)).isEqualTo(global);
        assertThat(ScriptUser.of("root", "daemon", global)).isEqualTo(new ScriptUser("root", "daemon"));
    }

    @Test
    void entersAnotherUserThroughSetprivWithNumericIdsAndOneGroup() throws Exception {
        Accounts.User nobody = Accounts.user("nobody");
        org.junit.jupiter.api.Assumptions.assumeTrue(nobody != null);
        UserSwitch users = new UserSwitch(new Accounts.User(0, 0));
        assertThat(users.argv(new ScriptCommand(List.of("/bin/true"), new ScriptUser("nobody", null))))
                .containsExactly("setpriv", "--reuid=" + nobody.uid(), "--regid=" + nobody.gid(),
                        "--groups=" + nobody.gid(), "--", "/bin/true");
        assertThat(users.argv(new ScriptCommand(List.of("/bin/true"), new ScriptUser("nobody", "root"))))
                .containsExactly("setpriv", "--reuid=" + nobody.uid(), "--regid=0", "--groups=0", "--", "/bin/true");
        assertThat(users.argv(new ScriptCommand(List.of("/bin/true"), new ScriptUser("root", null))))
                .containsExactly("/bin/true");
        assertThat(users.argv(new ScriptCommand(List.of("/bin/true"), ScriptUser.DAEMON))).containsExactly("/bin/true");
    }

    @Test
    void passesTheDaemonsEnvironmentAndAPathWhenItHasNone() {
        assertThat(ScriptEnvironment.of(Map.of("A", "1"))).containsExactlyInAnyOrder("A=1",
                "PATH=" + ScriptEnvironment.DEFAULT_PATH);
        assertThat(ScriptEnvironment.of(Map.of("PATH", "/opt/bin"))).containsExactly("PATH=/opt/bin");
    }
}
