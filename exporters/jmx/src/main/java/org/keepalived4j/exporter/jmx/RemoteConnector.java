package org.keepalived4j.exporter.jmx;

import java.io.IOException;
import java.net.InetAddress;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import javax.management.remote.rmi.RMIJRMPServerImpl;
import javax.net.ssl.SSLContext;
import javax.rmi.ssl.SslRMIClientSocketFactory;

/**
 * Remote JMX over RMI on two fixed ports (registry and connector), authenticated, with access
 * levels and optional TLS on both ports. Clients connect to
 * {@code service:jmx:rmi:///jndi/rmi://HOST:REMOTE_PORT/jmxrmi}.
 */
final class RemoteConnector implements AutoCloseable {

    private final Registry registry;
    private final JMXConnectorServer server;
    private final JMXServiceURL address;

    private RemoteConnector(Registry registry, JMXConnectorServer server, JMXServiceURL address) {
        this.registry = registry;
        this.server = server;
        this.address = address;
    }

    static RemoteConnector start(JmxSettings s, MBeanServer mbeans, JMXAuthenticator authenticator,
            AccessLevels access) throws Exception {
        InetAddress bind = s.bind() == null ? null : InetAddress.getByName(s.bind());
        SSLContext tls = s.tls() ? TlsContexts.server(s) : null;
        RMIClientSocketFactory csf = tls == null ? null : new SslRMIClientSocketFactory();
        BoundServerSocketFactory ssf = new BoundServerSocketFactory(bind, tls, s.clientAuth());
        Registry registry = LocateRegistry.createRegistry(s.remotePort(), csf, ssf);
        try {
            Map<String, Object> env = new HashMap<>();
            env.put(JMXConnectorServer.AUTHENTICATOR, authenticator);
            // Only user/password credentials are deserialized before authentication.
            env.put("jmx.remote.rmi.server.credential.types",
                    new String[] {String[].class.getName(), String.class.getName()});
            RMIJRMPServerImpl rmiServer = new RMIJRMPServerImpl(s.rmiPort(), csf, ssf, env);
            String host = host(bind);
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + host + ":" + s.remotePort()
                    + "/jmxrmi");
            JMXConnectorServer server = new RMIConnectorServer(
                    new JMXServiceURL("service:jmx:rmi://" + host + ":" + s.rmiPort()), env, rmiServer, mbeans);
            server.setMBeanServerForwarder(access.forwarder());
            server.start();
            // Bound in-process: the registry may be TLS, and the daemon need not trust its own certificate.
            registry.rebind("jmxrmi", rmiServer.toStub());
            return new RemoteConnector(registry, server, url);
        } catch (Exception | Error e) {
            unexport(registry);
            throw e;
        }
    }

    private static String host(InetAddress bind) {
        if (bind == null || bind.isAnyLocalAddress()) {
            return "localhost";
        }
        String a = bind.getHostAddress();
        return a.contains(":") ? "[" + a + "]" : a;
    }

    /** The address clients use. */
    JMXServiceURL address() {
        return address;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            // the connector is going away either way
        } finally {
            unexport(registry);
        }
    }

    private static void unexport(Registry registry) {
        try {
            UnicastRemoteObject.unexportObject(registry, true);
        } catch (NoSuchObjectException alreadyGone) {
            // nothing to do
        }
    }
}
