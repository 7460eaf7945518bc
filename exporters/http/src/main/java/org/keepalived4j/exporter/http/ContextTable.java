package org.keepalived4j.exporter.http;

import com.sun.net.httpserver.HttpContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The contexts of one server, matched as the JDK's server matches them: the longest context
 * path that the request path starts with wins ({@code /jolokia/config} before
 * {@code /jolokia}, {@code /} catches the rest).
 */
final class ContextTable {

    private final List<NettyHttpContext> contexts = new CopyOnWriteArrayList<>();

    synchronized void add(NettyHttpContext context) {
        if (exact(context.getPath()) != null) {
            throw new IllegalArgumentException("a context for " + context.getPath() + " already exists");
        }
        contexts.add(context);
    }

    synchronized void remove(String path) {
        NettyHttpContext found = exact(path);
        if (found == null) {
            throw new IllegalArgumentException("no context for " + path);
        }
        contexts.remove(found);
    }

    synchronized void remove(HttpContext context) {
        if (!contexts.remove(context)) {
            throw new IllegalArgumentException("no such context: " + context.getPath());
        }
    }

    /** The context registered for exactly this path, or {@code null}. */
    NettyHttpContext exact(String path) {
        for (NettyHttpContext c : contexts) {
            if (c.getPath().equals(path)) {
                return c;
            }
        }
        return null;
    }

    /** The context serving a request for {@code requestPath}, or {@code null}. */
    NettyHttpContext find(String requestPath) {
        NettyHttpContext best = null;
        for (NettyHttpContext c : contexts) {
            if (requestPath.startsWith(c.getPath())
                    && (best == null || c.getPath().length() > best.getPath().length())) {
                best = c;
            }
        }
        return best;
    }
}
