package org.keepalived4j.exporter.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.AttributeChangeNotification;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.Notification;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.ConfigReloaded;
import org.keepalived4j.model.Exporter;
import org.keepalived4j.model.FakeStateView;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.Settings;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.TestExporterContext;
import org.keepalived4j.model.TopologyChanged;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.model.VrrpStateChanged;

class JmxExporterTest {

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final FakeStateView view = new FakeStateView(SampleStates.small());
    private final JmxExporter exporter = new JmxExporter();

    @AfterEach
    void stop() {
        exporter.close();
    }

    private void start() throws Exception {
        exporter.start(TestExporterContext.of(view, server, Settings.empty("keepalived4j_jmx")));
    }

    private static ObjectName name(String n) throws Exception {
        return new ObjectName(n);
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(Exporter.class).stream().map(p -> p.get().name())).contains("jmx");
    }

    @Test
    void registersOneMBeanPerObjectWithQuotedNames() throws Exception {
        start();
        assertThat(server.queryNames(name("keepalived:*"), null)).containsExactlyInAnyOrder(
                name("keepalived:type=Daemon"),
                name("keepalived:type=VrrpInstance,name=\"VI_1\""),
                name("keepalived:type=VrrpInstance,name=\"VI_2\""),
                name("keepalived:type=SyncGroup,name=\"SG_1\""),
                name("keepalived:type=VirtualServer,name=\"10.0.0.1:80/tcp\""),
                name("keepalived:type=VirtualServer,name=\"fwmark:7\""),
                name("keepalived:type=VirtualServer,name=\"[fd00::10]:443/tcp\""),
                name("keepalived:type=RealServer,virtualServer=\"10.0.0.1:80/tcp\",name=\"10.2.0.1:8080\""),
                name("keepalived:type=RealServer,virtualServer=\"10.0.0.1:80/tcp\",name=\"10.2.0.2:8080\""),
                name("keepalived:type=RealServer,virtualServer=\"10.0.0.1:80/tcp\",name=\"10.2.0.3:8080\""),
                name("keepalived:type=RealServer,virtualServer=\"fwmark:7\",name=\"10.3.0.2:0\""),
                name("keepalived:type=RealServer,virtualServer=\"[fd00::10]:443/tcp\",name=\"[fd00::11]:443\""));
    }

    @Test
    void readsAttributesFromTheLiveState() throws Exception {
        start();
        ObjectName vi1 = name("keepalived:type=VrrpInstance,name=\"VI_1\"");
        assertThat(server.getAttribute(vi1, "State")).isEqualTo("MASTER");
        assertThat(server.getAttribute(vi1, "StateCode")).isEqualTo(2);
        assertThat(server.getAttribute(vi1, "EffectivePriority")).isEqualTo(140);
        assertThat(server.getAttribute(vi1, "Vrid")).isEqualTo(51);
        assertThat(server.getAttribute(vi1, "AuthType")).isEqualTo("PASS");
        assertThat(server.getAttribute(vi1, "AuthFailures")).isEqualTo(3L);
        assertThat(server.getAttribute(vi1, "LastTransitionReason")).isEqualTo("master no response");
        assertThat((String[]) server.getAttribute(vi1, "VirtualAddresses"))
                .containsExactly("10.0.51.1/24 dev eth0 (installed)", "fd00::33/64 dev eth1 (installed)");
        assertThat((String[]) server.getAttribute(vi1, "Trackers"))
                .contains("script chk_nginx up weight -10 contributes 0");
        ObjectName rs = name("keepalived:type=RealServer,virtualServer=\"10.0.0.1:80/tcp\",name=\"10.2.0.1:8080\"");
        assertThat(server.getAttribute(rs, "Alive")).isEqualTo(false);
        assertThat(server.getAttribute(rs, "CheckerType")).isEqualTo("HTTP_GET");
        assertThat(server.getAttribute(rs, "FailedChecks")).isEqualTo(17L);
        assertThat(server.getAttribute(rs, "LastCheckLatencyMillis")).isEqualTo(12.0);
        ObjectName vs = name("keepalived:type=VirtualServer,name=\"10.0.0.1:80/tcp\"");
        assertThat(server.getAttribute(vs, "RealServersUp")).isEqualTo(2);
        assertThat(server.getAttribute(vs, "RealServersTotal")).isEqualTo(3);
        assertThat(server.getAttribute(vs, "QuorumMet")).isEqualTo(true);
        assertThat(server.getAttribute(name("keepalived:type=Daemon"), "RealServerCount")).isEqualTo(5);

        view.update(s -> withInstance(s, SampleStates.instance("VI_1", 51, VrrpState.BACKUP)));
        assertThat(server.getAttribute(vi1, "State")).isEqualTo("BACKUP");
    }

    @Test
    void sendsAttributeChangeNotificationsFromItsOwnThread() throws Exception {
        start();
        ObjectName vi2 = name("keepalived:type=VrrpInstance,name=\"VI_2\"");
        List<Notification> received = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        server.addNotificationListener(vi2, (n, handback) -> {
            received.add(n);
            threads.add(Thread.currentThread().getName());
        }, null, null);
        view.publish(withInstance(view.current(), SampleStates.instance("VI_2", 52, VrrpState.MASTER)),
                new VrrpStateChanged(SampleStates.instance("VI_2", 52, VrrpState.MASTER), VrrpState.BACKUP, VrrpState.MASTER, TransitionReason.MASTER_NO_RESPONSE, SampleStates.NOW));
        await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
        AttributeChangeNotification n = (AttributeChangeNotification) received.get(0);
        assertThat(n.getType()).isEqualTo(AttributeChangeNotification.ATTRIBUTE_CHANGE);
        assertThat(n.getAttributeName()).isEqualTo("State");
        assertThat(n.getOldValue()).isEqualTo("BACKUP");
        assertThat(n.getNewValue()).isEqualTo("MASTER");
        assertThat(n.getSource()).isEqualTo(vi2);
        assertThat(n.getTimeStamp()).isEqualTo(SampleStates.NOW.toEpochMilli());
        assertThat(n.getMessage()).contains("master no response");
        assertThat(threads).containsOnly("jmx-notifications");
    }

    @Test
    void aRefusedReloadIsAnAttributeAndANotificationWithItsReason() throws Exception {
        start();
        ObjectName daemon = name("keepalived:type=Daemon");
        assertThat(server.getAttribute(daemon, "LastReloadSuccessful")).isEqualTo(false);
        assertThat(server.getAttribute(daemon, "FailedReloads")).isEqualTo(1L);
        assertThat((String) server.getAttribute(daemon, "LastReloadError")).contains("keepalived.conf:12");
        List<Notification> received = new CopyOnWriteArrayList<>();
        server.addNotificationListener(daemon, (n, handback) -> received.add(n), null, null);
        view.emit(new ConfigReloaded(false, List.of("(keepalived.conf: Line 12) Error - VRRP parsed invalid IP 10.."),
                SampleStates.NOW));
        await().atMost(Duration.ofSeconds(5)).until(() -> !received.isEmpty());
        AttributeChangeNotification n = (AttributeChangeNotification) received.get(0);
        assertThat(n.getAttributeName()).isEqualTo("FailedReloads");
        assertThat(n.getNewValue()).isEqualTo(1L);
        assertThat(n.getMessage()).contains("refused", "Line 12");
    }

    @Test
    void aSlowNotificationListenerDelaysNeitherEventsNorOtherWork() throws Exception {
        start();
        ObjectName vi1 = name("keepalived:type=VrrpInstance,name=\"VI_1\"");
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        server.addNotificationListener(vi1, (n, h) -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, null, null);
        try {
            view.emit(new VrrpStateChanged(SampleStates.instance("VI_1", 51, VrrpState.BACKUP), VrrpState.MASTER, VrrpState.BACKUP, TransitionReason.PREEMPTED, SampleStates.NOW));
            assertThat(entered.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            // The listener is stuck; the event thread still handles the next event (a reload).
            StateSnapshot s = view.current();
            view.publish(new StateSnapshot(s.daemon(), List.of(s.vrrpInstances().get(0),
                    SampleStates.instance("VI_LATE", 88, VrrpState.BACKUP)), List.of(), s.scripts(), List.of()),
                    new TopologyChanged("reload", SampleStates.NOW));
            await().atMost(Duration.ofSeconds(5)).until(() -> server.isRegistered(
                    name("keepalived:type=VrrpInstance,name=\"VI_LATE\"")));
            assertThat(server.getAttribute(vi1, "State")).isEqualTo("MASTER");
        } finally {
            release.countDown();
        }
    }

    @Test
    void followsReloadsOnTopologyChanged() throws Exception {
        start();
        StateSnapshot s = view.current();
        view.publish(new StateSnapshot(s.daemon(), List.of(s.vrrpInstances().get(0),
                SampleStates.instance("VI_NEW", 77, VrrpState.BACKUP)), List.of(), s.scripts(), List.of()),
                new TopologyChanged("reload", SampleStates.NOW));
        await().atMost(Duration.ofSeconds(5)).until(() -> server.isRegistered(
                name("keepalived:type=VrrpInstance,name=\"VI_NEW\"")));
        assertThat(server.queryNames(name("keepalived:*"), null)).containsExactlyInAnyOrder(
                name("keepalived:type=Daemon"),
                name("keepalived:type=VrrpInstance,name=\"VI_1\""),
                name("keepalived:type=VrrpInstance,name=\"VI_NEW\""));
    }

    @Test
    void unregistersEverythingOnClose() throws Exception {
        start();
        assertThat(server.queryNames(name("keepalived:*"), null)).isNotEmpty();
        exporter.close();
        assertThat(server.queryNames(name("keepalived:*"), null)).isEmpty();
        assertThat(view.subscriberCount()).isZero();
    }

    static StateSnapshot withInstance(StateSnapshot s, VrrpInstanceSnapshot replacement) {
        List<VrrpInstanceSnapshot> list = s.vrrpInstances().stream()
                .map(i -> i.name().equals(replacement.name()) ? replacement : i).toList();
        return new StateSnapshot(s.daemon(), list, s.syncGroups(), s.scripts(), s.virtualServers());
    }
}
