package org.keepalived4j.exporter.alerts;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS trust of a sink's {@code tls_ca} and {@code tls_insecure}, one reading for every sink
 * that speaks TLS (web hook, Alertmanager, syslog): the JDK's CAs, the PEM CAs of a file, or,
 * insecure, any certificate and any host name.
 */
public final class AlertTls {

    private AlertTls() {
    }

    /**
     * A client context trusting the CAs in {@code caPem} ({@code null}: the JDK's), or any
     * certificate when {@code insecure}. Where the caller checks host names, they are checked
     * in every case but {@code insecure}.
     *
     * @throws IOException when {@code caPem} cannot be read or holds no certificate
     */
    public static SSLContext context(Path caPem, boolean insecure) throws IOException, GeneralSecurityException {
        TrustManager[] trust = null;
        if (insecure) {
            trust = new TrustManager[] {new TrustingEverything()};
        } else if (caPem != null) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate c : certificates(caPem)) {
                store.setCertificateEntry("ca-" + n++, c);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            trust = factory.getTrustManagers();
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust, null);
        return context;
    }

    private static Collection<? extends Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(pem)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certs.isEmpty()) {
            throw new IOException(pem + " holds no PEM certificate");
        }
        return certs;
    }

    /**
     * {@code tls_insecure}: accepts every chain. An {@link X509ExtendedTrustManager}, because the
     * JDK wraps a plain X509TrustManager in one that still checks the host name, which a
     * self-made certificate rarely matches.
     */
    private static final class TrustingEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
