package org.keepalived4j.exporter.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.rmi.ssl.SslRMIClientSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.model.FakeStateView;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.TestExporterContext;
import org.keepalived4j.model.TestSettings;

/** Remote JMX over TLS on both ports, with a key store made by the real keytool. */
class RemoteJmxTlsTest {

    private static final String STORE_PASSWORD = "st0re-Secret";
    private static SSLContext originalDefault;

    private final JmxExporter exporter = new JmxExporter();

    @AfterEach
    void stop() {
        exporter.close();
    }

    @AfterAll
    static void restoreDefaultContext() {
        if (originalDefault != null) {
            SSLContext.setDefault(originalDefault);
        }
    }

    @Test
    void servesJmxOverTlsOnly(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("jmx.p12");
        Process keytool = new ProcessBuilder("keytool", "-genkeypair", "-alias", "server", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD,
                "-keypass", STORE_PASSWORD).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as("keytool: %s", output).isZero();
        Path[] files = RemoteJmxTest.credentials(dir);
        exporter.start(TestExporterContext.of(new FakeStateView(SampleStates.small()),
                MBeanServerFactory.newMBeanServer(), TestSettings.block("keepalived4j_jmx",
                        "remote_port " + RemoteJmxTest.freePort(), "rmi_port " + RemoteJmxTest.freePort(),
                        "bind 127.0.0.1", "password_file " + files[0], "tls yes", "tls_keystore " + keystore,
                        "tls_keystore_password " + STORE_PASSWORD)));
        JMXServiceURL url = exporter.remoteAddress();
        Map<String, Object> credentials = Map.of(JMXConnector.CREDENTIALS,
                new String[] {"monitor", RemoteJmxTest.MONITOR_PASSWORD});

        assertThatThrownBy(() -> JMXConnectorFactory.connect(url, credentials))
                .as("a plain client cannot talk to the TLS registry").isInstanceOf(java.io.IOException.class);

        originalDefault = SSLContext.getDefault();
        SSLContext.setDefault(trusting(keystore));
        Map<String, Object> env = new java.util.HashMap<>(credentials);
        env.put("com.sun.jndi.rmi.factory.socket", new SslRMIClientSocketFactory());
        try (JMXConnector c = JMXConnectorFactory.connect(url, env)) {
            assertThat(c.getMBeanServerConnection().getAttribute(
                    new ObjectName("keepalived:type=VrrpInstance,name=\"VI_1\""), "State")).isEqualTo("MASTER");
        }
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            server.load(in, STORE_PASSWORD.toCharArray());
        }
        Certificate cert = server.getCertificate("server");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
