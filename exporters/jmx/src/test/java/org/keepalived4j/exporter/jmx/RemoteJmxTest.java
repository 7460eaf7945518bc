package org.keepalived4j.exporter.jmx;

import org.keepalived4j.model.LogCapture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.AttributeChangeNotification;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.MBeanServerFactory;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.model.FakeStateView;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.TestExporterContext;
import org.keepalived4j.model.TestSettings;
import org.keepalived4j.model.TransitionReason;
import org.keepalived4j.model.VrrpState;
import org.keepalived4j.model.VrrpStateChanged;

/** A real JMX client over RMI on loopback, against password and access files. */
class RemoteJmxTest {

    static final String MONITOR_PASSWORD = "m0nitor-Secret";
    static final String ADMIN_PASSWORD = "adm1n-Secret";

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final FakeStateView view = new FakeStateView(SampleStates.small());
    private final JmxExporter exporter = new JmxExporter();

    @AfterEach
    void stop() {
        exporter.close();
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static Path[] credentials(Path dir) throws Exception {
        Path passwords = dir.resolve("jmx.password");
        Files.writeString(passwords, "# user password\nmonitor " + MONITOR_PASSWORD + "\nadmin " + ADMIN_PASSWORD
                + "\n");
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        Path access = dir.resolve("jmx.access");
        Files.writeString(access, "monitor readonly\nadmin readwrite\n");
        return new Path[] {passwords, access};
    }

    private JMXServiceURL start(Path dir, String... extra) throws Exception {
        Path[] files = credentials(dir);
        List<String> lines = new java.util.ArrayList<>(List.of("remote_port " + freePort(), "rmi_port " + freePort(),
                "bind 127.0.0.1", "password_file " + files[0], "access_file " + files[1]));
        lines.addAll(List.of(extra));
        exporter.start(TestExporterContext.of(view, server,
                TestSettings.block("keepalived4j_jmx", lines.toArray(new String[0]))));
        return exporter.remoteAddress();
    }

    private static JMXConnector connect(JMXServiceURL url, String user, String password) throws Exception {
        return JMXConnectorFactory.connect(url,
                user == null ? Map.of() : Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
    }

    @Test
    void aRemoteClientReadsStateAndReceivesNotifications(@TempDir Path dir) throws Exception {
        JMXServiceURL url = start(dir);
        assertThat(url.toString()).contains("/jndi/rmi://127.0.0.1:");
        try (JMXConnector connector = connect(url, "monitor", MONITOR_PASSWORD)) {
            MBeanServerConnection mbsc = connector.getMBeanServerConnection();
            ObjectName vi2 = new ObjectName("keepalived:type=VrrpInstance,name=\"VI_2\"");
            assertThat(mbsc.getAttribute(vi2, "State")).isEqualTo("BACKUP");
            List<Notification> received = new CopyOnWriteArrayList<>();
            mbsc.addNotificationListener(vi2, (n, h) -> received.add(n), null, null);

            view.publish(JmxExporterTest.withInstance(view.current(),
                    SampleStates.instance("VI_2", 52, VrrpState.MASTER)),
                    new VrrpStateChanged(SampleStates.instance("VI_2", 52, VrrpState.MASTER), VrrpState.BACKUP, VrrpState.MASTER, TransitionReason.PRIORITY, SampleStates.NOW));

            await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
            AttributeChangeNotification n = (AttributeChangeNotification) received.get(0);
            assertThat(n.getAttributeName()).isEqualTo("State");
            assertThat(n.getOldValue()).isEqualTo("BACKUP");
            assertThat(n.getNewValue()).isEqualTo("MASTER");
            assertThat(mbsc.getAttribute(vi2, "State")).isEqualTo("MASTER");
        }
    }

    @Test
    void refusesConnectionsWithoutOrWithWrongCredentials(@TempDir Path dir) throws Exception {
        JMXServiceURL url = start(dir);
        assertThatThrownBy(() -> connect(url, null, null)).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> connect(url, "monitor", "wrong")).isInstanceOf(SecurityException.class);
        assertThatThrownBy(() -> connect(url, "nobody", MONITOR_PASSWORD)).isInstanceOf(SecurityException.class);
    }

    @Test
    void limitsWhatEachUserMayDo(@TempDir Path dir) throws Exception {
        JMXServiceURL url = start(dir);
        ObjectName memory = new ObjectName("java.lang:type=Memory");
        server.registerMBean(java.lang.management.ManagementFactory.getMemoryMXBean(), memory);
        try (JMXConnector monitor = connect(url, "monitor", MONITOR_PASSWORD)) {
            MBeanServerConnection mbsc = monitor.getMBeanServerConnection();
            assertThatThrownBy(() -> mbsc.invoke(memory, "gc", null, null)).isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> mbsc.unregisterMBean(new ObjectName("keepalived:type=Daemon")))
                    .isInstanceOf(SecurityException.class);
            assertThatThrownBy(() -> mbsc.createMBean("javax.management.timer.Timer", new ObjectName("x:type=T")))
                    .isInstanceOf(SecurityException.class);
        }
        try (JMXConnector admin = connect(url, "admin", ADMIN_PASSWORD)) {
            MBeanServerConnection mbsc = admin.getMBeanServerConnection();
            mbsc.invoke(memory, "gc", null, null);
            assertThatThrownBy(() -> mbsc.unregisterMBean(new ObjectName("keepalived:type=Daemon")))
                    .isInstanceOf(SecurityException.class);
        }
    }

    @Test
    void neverLogsOrPublishesPasswords(@TempDir Path dir) throws Exception {
        try (LogCapture logs = new LogCapture()) {
            JMXServiceURL url = start(dir);
            assertThatThrownBy(() -> connect(url, "monitor", "not-" + MONITOR_PASSWORD))
                    .isInstanceOf(SecurityException.class)
                    .satisfies(e -> assertThat(String.valueOf(e.getMessage())).doesNotContain(MONITOR_PASSWORD));
            try (JMXConnector c = connect(url, "monitor", MONITOR_PASSWORD)) {
                MBeanServerConnection mbsc = c.getMBeanServerConnection();
                StringBuilder all = new StringBuilder();
                for (ObjectName n : mbsc.queryNames(new ObjectName("keepalived:*"), null)) {
                    for (var info : mbsc.getMBeanInfo(n).getAttributes()) {
                        Object v = mbsc.getAttribute(n, info.getName());
                        all.append(v instanceof Object[] a ? java.util.Arrays.toString(a) : String.valueOf(v));
                    }
                }
                assertThat(all.toString()).contains("PASS").doesNotContain(MONITOR_PASSWORD, ADMIN_PASSWORD);
            }
            exporter.close();
            assertThat(logs.text()).contains("JMX:").doesNotContain(MONITOR_PASSWORD, ADMIN_PASSWORD);
        }
    }

    @Test
    void refusesAPasswordFileOthersCanRead(@TempDir Path dir) throws Exception {
        Path[] files = credentials(dir);
        Files.setPosixFilePermissions(files[0], PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(exporter.validate(TestSettings.block("keepalived4j_jmx", "remote_port 9010",
                "password_file " + files[0]))).singleElement().asString()
                .contains("readable by its owner only");
    }

    @Test
    void validateReportsMissingAuthenticationAndBadPorts() {
        assertThat(exporter.validate(TestSettings.block("keepalived4j_jmx", "remote_port 9010")))
                .containsExactly("test.conf:10: remote JMX needs password_file or authenticator; "
                        + "it is never served without authentication");
        assertThat(exporter.validate(TestSettings.block("keepalived4j_jmx", "remote_port 70000", "tls maybe",
                "rmi_prot 1"))).contains(
                "test.conf:11: remote_port must be a port number 1-65535, got '70000'",
                "test.conf:12: tls must be yes or no, got 'maybe'",
                "test.conf:13: unknown keyword 'rmi_prot' in keepalived4j_jmx");
        assertThat(exporter.validate(TestSettings.block("keepalived4j_jmx"))).isEmpty();
    }
}
