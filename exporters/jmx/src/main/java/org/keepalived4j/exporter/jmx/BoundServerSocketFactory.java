package org.keepalived4j.exporter.jmx;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.server.RMIServerSocketFactory;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * RMI server sockets bound to one address (or every address), optionally TLS. Equal factories
 * let RMI share a port between exported objects, hence {@link #equals}.
 */
final class BoundServerSocketFactory implements RMIServerSocketFactory {

    private final InetAddress address;
    private final SSLContext tls;
    private final boolean clientAuth;

    BoundServerSocketFactory(InetAddress address, SSLContext tls, boolean clientAuth) {
        this.address = address;
        this.tls = tls;
        this.clientAuth = clientAuth;
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        if (tls == null) {
            return new ServerSocket(port, 50, address);
        }
        SSLServerSocket socket = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(port, 50, address);
        socket.setNeedClientAuth(clientAuth);
        return socket;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoundServerSocketFactory f && Objects.equals(address, f.address) && tls == f.tls
                && clientAuth == f.clientAuth;
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, System.identityHashCode(tls), clientAuth);
    }
}
