package org.keepalived4j.exporter.jolokia;

import java.util.EnumSet;
import java.util.Set;
import org.jolokia.server.core.request.JolokiaRequest;
import org.jolokia.server.core.service.api.AbstractJolokiaService;
import org.jolokia.server.core.service.request.RequestHandler;
import org.jolokia.server.core.util.RequestType;

/**
 * Refuses the Jolokia commands that no policy file can restrict: {@code notification}
 * (Jolokia's notification handler consults no policy, so {@code register}, {@code add}...
 * would be served to every client that gets past authentication, each registration kept in
 * memory) and {@code config} (agent details; not among the commands the agent offers).
 *
 * <p>It is a Jolokia request handler placed before all of Jolokia's own, so it judges each
 * request after Jolokia parsed it, however it came: a GET path, the {@code p} parameter, a POST
 * object or each request of a bulk POST array (each refused one answers status 403 in place).
 * {@code read}, {@code list}, {@code search}, {@code version}, {@code write} and {@code exec}
 * pass on to Jolokia, where the policy decides (the built-in one refuses write and exec).
 */
final class CommandGate extends AbstractJolokiaService<RequestHandler> implements RequestHandler {

    /** Before Jolokia's config (-2) and version (-1) handlers. */
    private static final int FIRST = -100;
    private static final Set<RequestType> REFUSED = EnumSet.of(RequestType.NOTIFICATION, RequestType.CONFIG);

    CommandGate() {
        super(RequestHandler.class, FIRST);
    }

    @Override
    public boolean canHandle(JolokiaRequest request) {
        return REFUSED.contains(request.getType());
    }

    @Override
    public <R extends JolokiaRequest> Object handleRequest(R request, Object previousResult) {
        throw new SecurityException("The command " + request.getType().getName() + " is not allowed");
    }

    @Override
    public String getProvider() {
        return null;
    }

    @Override
    public Object getRuntimeInfo() {
        return null;
    }
}
