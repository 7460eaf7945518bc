package org.keepalived4j.exporter.jolokia;

import com.sun.net.httpserver.HttpServer;
import org.jolokia.core.api.LogHandler;
import org.jolokia.jvmagent.JolokiaServer;
import org.jolokia.jvmagent.JolokiaServerConfig;

/**
 * Jolokia's agent on a server we made, with the {@link CommandGate} among its request handlers.
 * With a server passed in, Jolokia only adds and removes its contexts: starting, stopping and
 * TLS are the caller's.
 */
final class AgentServer extends JolokiaServer {

    AgentServer(HttpServer server, JolokiaServerConfig config, LogHandler log) {
        super(server, config, log);
        addService(new CommandGate());
    }
}
