package org.keepalived4j.exporter.jmx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.keepalived4j.model.Setting;
import org.keepalived4j.model.Settings;

/**
 * The {@code keepalived4j_jmx} block. The MBeans are always registered in the local MBean
 * server (JConsole attaches to the process); remote access starts only when
 * {@code remote_port} is given, and never without authentication.
 *
 * <pre>
 * keepalived4j_jmx {
 *     remote_port 9010            # RMI registry port; enables remote JMX
 *     rmi_port 9011               # RMI connector port (default: remote_port + 1)
 *     bind 127.0.0.1              # address both ports bind to (default: every address)
 *     password_file /etc/keepalived/jmx.password   # "user password" lines, owner-only readable
 *     access_file /etc/keepalived/jmx.access       # "user readonly|readwrite" lines (default: readonly)
 *     authenticator com.example.MyAuthenticator    # instead of password_file: a JMXAuthenticator class
 *     tls yes                     # TLS on both ports
 *     tls_keystore /etc/keepalived/jmx.p12         # PKCS#12 with the server key and certificate
 *     tls_keystore_password secret
 *     tls_truststore /etc/keepalived/clients.p12   # with tls_client_auth: the trusted client certificates
 *     tls_truststore_password secret
 *     tls_client_auth yes         # require client certificates
 * }
 * </pre>
 *
 * <p>{@link #toString()} never shows the passwords.
 */
record JmxSettings(int remotePort, int rmiPort, String bind, Path passwordFile, Path accessFile,
        String authenticatorClass, boolean tls, Path keystore, String keystorePassword, Path truststore,
        String truststorePassword, boolean clientAuth) {

    private static final Set<String> KEYWORDS = Set.of("remote_port", "rmi_port", "bind", "password_file",
            "access_file", "authenticator", "tls", "tls_keystore", "tls_keystore_password", "tls_truststore",
            "tls_truststore_password", "tls_client_auth");

    boolean remote() {
        return remotePort >= 0;
    }

    static JmxSettings parse(Settings settings, List<String> problems) {
        for (Setting s : settings.entries()) {
            if (!KEYWORDS.contains(s.keyword())) {
                problems.add(s.source() + ": unknown keyword '" + s.keyword() + "' in " + settings.name());
            } else if (s.args().size() != 1) {
                problems.add(s.source() + ": " + s.keyword() + " takes exactly one value");
            }
        }
        int remotePort = port(settings, "remote_port", -1, problems);
        int rmiPort = port(settings, "rmi_port", remotePort < 0 ? -1 : Math.min(remotePort + 1, 65535),
                problems);
        String bind = settings.value("bind").orElse(null);
        Path passwords = file(settings, "password_file", problems);
        Path access = file(settings, "access_file", problems);
        String authenticator = settings.value("authenticator").orElse(null);
        boolean tls = settings.bool("tls", false, problems);
        Path keystore = file(settings, "tls_keystore", problems);
        Path truststore = file(settings, "tls_truststore", problems);
        boolean clientAuth = settings.bool("tls_client_auth", false, problems);
        if (remotePort >= 0 && passwords == null && authenticator == null && !settings.has("password_file")) {
            problems.add(settings.source() + ": remote JMX needs password_file or authenticator; "
                    + "it is never served without authentication");
        }
        if (passwords != null && authenticator != null) {
            problems.add(settings.source() + ": give password_file or authenticator, not both");
        }
        if (tls && keystore == null && !settings.has("tls_keystore")) {
            problems.add(settings.source() + ": tls needs tls_keystore");
        }
        if (clientAuth && !tls) {
            problems.add(settings.source() + ": tls_client_auth needs tls yes");
        }
        return new JmxSettings(remotePort, rmiPort, bind, passwords, access, authenticator, tls, keystore,
                settings.value("tls_keystore_password").orElse(null), truststore,
                settings.value("tls_truststore_password").orElse(null), clientAuth);
    }

    private static int port(Settings settings, String keyword, int fallback, List<String> problems) {
        return settings.last(keyword).map(s -> {
            try {
                int p = Integer.parseInt(s.value().orElse(""));
                if (p >= 1 && p <= 65535) {
                    return p;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(s.source() + ": " + keyword + " must be a port number 1-65535, got '"
                    + s.value().orElse("") + "'");
            return fallback;
        }).orElse(fallback);
    }

    private static Path file(Settings settings, String keyword, List<String> problems) {
        return settings.last(keyword).map(s -> {
            Path p = Path.of(s.value().orElse(""));
            if (!Files.isReadable(p)) {
                problems.add(s.source() + ": " + keyword + ": cannot read " + p);
                return null;
            }
            return p;
        }).orElse(null);
    }

    @Override
    public String toString() {
        if (!remote()) {
            return "local only";
        }
        return "remote on " + (bind == null ? "*" : bind) + ":" + remotePort + "/" + rmiPort
                + (tls ? " with TLS" + (clientAuth ? " and client certificates" : "") : "")
                + (authenticatorClass != null ? ", authenticator " + authenticatorClass : ", password file")
                + (accessFile != null ? ", access file" : ", read-only access");
    }
}
