package org.keepalived4j.exporter.jolokia;

import java.io.File;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.jolokia.jvmagent.JolokiaServerConfig;
import org.jolokia.jvmagent.security.KeyStoreUtil;
import org.jolokia.server.core.config.SystemPropertyMode;

/**
 * Jolokia's agent configuration, never read from system properties. Jolokia builds its
 * authenticator ({@code user}/{@code password} as basic authentication) and its TLS key only
 * when it creates its own server; with ours it does neither, so this does both as Jolokia
 * would: the authenticator at once, the key when {@link #tls()} is asked.
 */
final class AgentConfig extends JolokiaServerConfig {

    AgentConfig(Map<String, String> config) {
        super(config, SystemPropertyMode.NEVER);
        initAuthenticator();
    }

    /**
     * The server's TLS context from the PEM certificate and key ({@code serverCert},
     * {@code serverKey}: PKCS#1 or PKCS#8, RSA or EC by {@code serverKeyAlgorithm}), read by
     * Jolokia's own key-store code as it reads them for its own server.
     */
    SSLContext tls() throws IOException, GeneralSecurityException {
        char[] password = getKeystorePassword();
        KeyStore store = KeyStore.getInstance(getKeyStoreType());
        store.load(null, password);
        KeyStoreUtil.updateWithServerCertificate(store, new File(getServerCert()), new File(getServerKey()),
                getServerKeyAlgorithm(), password);
        String algorithm = getKeyManagerAlgorithm() != null ? getKeyManagerAlgorithm()
                : KeyManagerFactory.getDefaultAlgorithm();
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(algorithm);
        kmf.init(store, password);
        SSLContext context = SSLContext.getInstance(getSecureSocketProtocol());
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }
}
