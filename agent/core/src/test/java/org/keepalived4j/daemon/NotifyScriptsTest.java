package org.keepalived4j.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.config.Diagnostics;
import org.keepalived4j.config.KeepalivedConfig;
import org.keepalived4j.config.KeepalivedConfigParser;
import org.keepalived4j.config.LocalSystemProbe;
import org.keepalived4j.config.SystemProbe;
import java.util.List;
import org.keepalived4j.config.VirtualServerConfig;
import org.keepalived4j.config.read.ConfigReader;
import org.keepalived4j.config.read.ReaderOptions;
import org.keepalived4j.model.IpvsStats;
import org.keepalived4j.model.MasterReceivedLowerPriority;
import org.keepalived4j.model.RealServerSnapshot;
import org.keepalived4j.model.RealServerStateChanged;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.keepalived4j.model.VrrpCounters;
import org.keepalived4j.model.VrrpInstanceSettings;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpInstanceStatus;
import org.keepalived4j.state.LvsReadModel;
import org.keepalived4j.state.VrrpReadModel;
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

    /** The instance's snapshot as the engine would carry it in an event, with the settings in effect. */
    private static VrrpInstanceSnapshot instance(KeepalivedConfig c, String name, VrrpState state, int priority) {
        VrrpInstanceSettings settings = VrrpReadModel.instance(c.vrrpInstance(name).orElseThrow(), 1, c);
        VrrpInstanceStatus status = new VrrpInstanceStatus(state, state, priority, priority, Duration.ofSeconds(1),
                null, 0, "10.0.0.1", Instant.now(), TransitionReason.MASTER_NO_RESPONSE, 1, List.of(), List.of(),
                List.of());
        return new VrrpInstanceSnapshot(settings, status, VrrpCounters.ZERO, null);
    }

    private List<String> awaitLines(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("out"))
                && Files.readAllLines(dir.resolve("out")).size() >= count);
        try {
            return Files.readAllLines(dir.resolve("out"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void runsTheStateScriptThenTheGenericOneWithItsFourArguments() throws Exception {
        KeepalivedConfig c = config("vrrp_instance VI_1 {\n interface eth9\n virtual_router_id 9\n priority 120\n"
                + " virtual_ipaddress {\n  10.9.9.9\n }\n notify_master " + append("master") + "\n notify "
                + append("any") + "\n}\n");
        try (NotifyScripts scripts = new NotifyScripts(null, null)) {
            scripts.vrrpStateChanged(new VrrpStateChanged(instance(c, "VI_1", VrrpState.MASTER, 120), VrrpState.BACKUP,
                    VrrpState.MASTER, TransitionReason.MASTER_NO_RESPONSE, Instant.now()));
            // keepalived starts its scripts and does not wait for them: the two may finish in either order
            assertThat(awaitLines(2)).containsExactlyInAnyOrder("master", "any INSTANCE VI_1 MASTER 120");
        }
    }

    @Test
    void anInstanceARemovedByReloadIsNotifiedWithItsOwnScriptsAsFaultOrDeleted() throws Exception {
        // the event carries the settings: the instance is gone from the configuration by now
        KeepalivedConfig c = config("vrrp_instance VI_1 {\n interface eth9\n virtual_router_id 9\n priority 120\n"
                + " virtual_ipaddress {\n  10.9.9.9\n }\n notify_fault " + append("fault") + "\n notify "
                + append("any") + "\n}\nvrrp_instance VI_2 {\n interface eth9\n virtual_router_id 10\n"
                + " priority 120\n virtual_ipaddress {\n  10.9.9.10\n }\n notify_deleted " + append("deleted")
                + "\n notify " + append("any") + "\n}\n");
        try (NotifyScripts scripts = new NotifyScripts(null, null)) {
            scripts.vrrpStateChanged(new VrrpStateChanged(instance(c, "VI_1", VrrpState.STOP, 120), VrrpState.BACKUP,
                    VrrpState.STOP, TransitionReason.REMOVED, Instant.now()));
            scripts.vrrpStateChanged(new VrrpStateChanged(instance(c, "VI_2", VrrpState.STOP, 120), VrrpState.MASTER,
                    VrrpState.STOP, TransitionReason.REMOVED, Instant.now()));
            assertThat(awaitLines(4)).containsExactlyInAnyOrder("fault", "any INSTANCE VI_1 FAULT 120", "deleted",
                    "any INSTANCE VI_2 DELETED 120");
        }
    }

    @Test
    void aMasterReceivingALowerPriorityRunsNotifyMasterRxLowerPri() throws Exception {
        KeepalivedConfig c = config("vrrp_instance VI_1 {\n interface eth9\n virtual_router_id 9\n priority 120\n"
                + " virtual_ipaddress {\n  10.9.9.9\n }\n notify_master_rx_lower_pri " + append("lower") + "\n}\n");
        try (NotifyScripts scripts = new NotifyScripts(null, null)) {
            scripts.masterReceivedLowerPriority(new MasterReceivedLowerPriority(instance(c, "VI_1", VrrpState.MASTER,
                    120), "10.0.0.2", 100, Instant.now()));
            assertThat(awaitLines(1)).containsExactly("lower");
        }
    }

    @Test
    void runsRealServerAndQuorumScripts() throws Exception {
        KeepalivedConfig c = config("virtual_server 10.1.1.1 80 {\n delay_loop 5\n protocol TCP\n quorum_down "
                + append("qdown") + "\n real_server 127.0.0.1 8080 {\n  notify_down " + append("rsdown")
                + "\n  TCP_CHECK {\n  }\n }\n}\n");
        VirtualServerConfig vsc = c.virtualServers().get(0);
        RealServerSnapshot rs = new RealServerSnapshot(LvsReadModel.realServer(vsc, vsc.realServers().get(0), 1), false,
                0, 1, 1, Instant.now(), Duration.ofMillis(1), "refused", null, IpvsStats.NONE);
        VirtualServerSnapshot vs = new VirtualServerSnapshot(LvsReadModel.virtualServer(vsc, 1), false, false, false,
                IpvsStats.NONE, List.of(rs));
        try (NotifyScripts scripts = new NotifyScripts(null, null)) {
            scripts.realServerStateChanged(new RealServerStateChanged(rs, vs, false, "TCP_CHECK", "refused",
                    Instant.now()));
            scripts.virtualServerQuorumChanged(new VirtualServerQuorumChanged(vs, false, 0, Instant.now()));
            assertThat(awaitLines(2)).containsExactlyInAnyOrder("rsdown", "qdown");
        }
    }

    @Test
    void aStopRunsRealServerAndQuorumScriptsOnlyWithOmega() throws Exception {
        for (boolean omega : new boolean[] {false, true}) {
            Files.deleteIfExists(dir.resolve("out"));
            KeepalivedConfig c = config("virtual_server 10.1.1.1 80 {\n delay_loop 5\n protocol TCP\n"
                    + (omega ? " omega\n" : "") + " quorum_down " + append("qdown") + "\n quorum_up "
                    + append("qup") + "\n real_server 127.0.0.1 8080 {\n  notify_down " + append("rsdown")
                    + "\n  TCP_CHECK {\n  }\n }\n}\n");
            VirtualServerConfig vsc = c.virtualServers().get(0);
            RealServerSnapshot rs = new RealServerSnapshot(LvsReadModel.realServer(vsc, vsc.realServers().get(0), 1),
                    false, 0, 0, 0, null, null, null, null, IpvsStats.NONE);
            VirtualServerSnapshot vs = new VirtualServerSnapshot(LvsReadModel.virtualServer(vsc, 1), false, false,
                    false, IpvsStats.NONE, List.of(rs));
            try (NotifyScripts scripts = new NotifyScripts(null, null)) {
                scripts.realServerStateChanged(new RealServerStateChanged(rs, vs, false, null, "shutting down", true,
                        Instant.now()));
                scripts.virtualServerQuorumChanged(new VirtualServerQuorumChanged(vs, false, 0, true, Instant.now()));
                // a last, ordinary event: once its line is there, the stop's would have been too
                scripts.virtualServerQuorumChanged(new VirtualServerQuorumChanged(vs, true, 1, Instant.now()));
                if (omega) {
                    assertThat(awaitLines(3)).containsExactlyInAnyOrder("rsdown", "qdown", "qup");
                } else {
                    assertThat(awaitLines(1)).containsExactly("qup");
                }
            }
            assertThat(Files.readAllLines(dir.resolve("out"))).hasSize(omega ? 3 : 1);
        }
    }
}
