package org.keepalived4j.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.config.ConfigReader;
import org.keepalived4j.config.Diagnostics;
import org.keepalived4j.config.KeepalivedConfig;
import org.keepalived4j.config.KeepalivedConfigParser;
import org.keepalived4j.config.LocalSystemProbe;
import org.keepalived4j.config.ReaderOptions;
import org.keepalived4j.config.SystemProbe;
import org.keepalived4j.model.RealServerStateChanged;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VirtualServerQuorumChanged;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.model.VrrpStateChanged;

/** keepalived's notify scripts run with keepalived's arguments, off the caller's thread. */
class NotifyScriptsTest {

    @TempDir
    Path dir;

    private KeepalivedConfig config(String text) {
        Diagnostics d = new Diagnostics();
        LocalSystemProbe local = new LocalSystemProbe();
        SystemProbe probe = new SystemProbe() {
            @Override
            public boolean interfaceExists(String name) {
                return true;
            }

            @Override
            public boolean userExists(String name) {
                return local.userExists(name);
            }

            @Override
            public boolean groupExists(String name) {
                return local.groupExists(name);
            }

            @Override
            public java.util.Optional<String> scriptProblem(String command) {
                return local.scriptProblem(command);
            }

            @Override
            public java.util.Optional<String> scriptSecurityProblem(String command) {
                return local.scriptSecurityProblem(command);
            }

            @Override
            public String hostName() {
                return "test";
            }
        };
        return new KeepalivedConfigParser(probe)
                .parse(ConfigReader.read("t.conf", text, dir, new ReaderOptions("t"), d), d).config();
    }

    private String append(String what) {
        return "\"/bin/sh -c 'echo " + what + " $* >> " + dir.resolve("out") + "' sh\"";
    }

    @Test
    void runsTheStateScriptThenTheGenericOneWithItsFourArguments() throws Exception {
        KeepalivedConfig c = config("vrrp_instance VI_1 {\n interface eth9\n virtual_router_id 9\n priority 120\n"
                + " virtual_ipaddress {\n  10.9.9.9\n }\n notify_master " + append("master") + "\n notify "
                + append("any") + "\n}\n");
        try (NotifyScripts scripts = new NotifyScripts(() -> c)) {
            scripts.vrrpStateChanged(new VrrpStateChanged("VI_1", 9, "lo", VrrpState.BACKUP, VrrpState.MASTER, 120,
                    TransitionReason.MASTER_NO_RESPONSE, Instant.now()));
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("out"))
                    && Files.readAllLines(dir.resolve("out")).size() == 2);
        }
        assertThat(Files.readAllLines(dir.resolve("out"))).containsExactly("master", "any INSTANCE VI_1 MASTER 120");
    }

    @Test
    void runsRealServerAndQuorumScripts() throws Exception {
        KeepalivedConfig c = config("virtual_server 10.1.1.1 80 {\n delay_loop 5\n protocol TCP\n quorum_down "
                + append("qdown") + "\n real_server 127.0.0.1 8080 {\n  notify_down " + append("rsdown")
                + "\n  TCP_CHECK {\n  }\n }\n}\n");
        try (NotifyScripts scripts = new NotifyScripts(() -> c)) {
            scripts.realServerStateChanged(new RealServerStateChanged("10.1.1.1:80/tcp", "127.0.0.1:8080", false, 0,
                    "TCP_CHECK", "refused", Instant.now()));
            scripts.virtualServerQuorumChanged(new VirtualServerQuorumChanged("10.1.1.1:80/tcp", false, 0, 1,
                    Instant.now()));
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("out"))
                    && Files.readAllLines(dir.resolve("out")).size() == 2);
        }
        assertThat(Files.readAllLines(dir.resolve("out"))).containsExactly("rsdown", "qdown");
    }
}
