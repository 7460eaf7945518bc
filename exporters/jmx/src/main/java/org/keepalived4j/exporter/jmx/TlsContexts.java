package org.keepalived4j.exporter.jmx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The server TLS context for remote JMX, from PKCS#12 key and trust stores. */
final class TlsContexts {

    private TlsContexts() {
    }

    static SSLContext server(JmxSettings s) throws IOException, GeneralSecurityException {
        char[] keyPassword = s.keystorePassword() == null ? new char[0] : s.keystorePassword().toCharArray();
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(s.keystore(), keyPassword), keyPassword);
        TrustManagerFactory tmf = null;
        if (s.truststore() != null) {
            char[] trustPassword = s.truststorePassword() == null ? new char[0]
                    : s.truststorePassword().toCharArray();
            tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(s.truststore(), trustPassword));
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }
}
