package org.keepalived4j.exporter.jolokia;

import org.jolokia.core.api.LogHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Jolokia's log output, through slf4j like the rest of the daemon. */
final class Slf4jLogHandler implements LogHandler {

    private static final Logger LOG = LoggerFactory.getLogger("org.keepalived4j.exporter.jolokia.Jolokia");

    @Override
    public void debug(String message) {
        LOG.debug(message);
    }

    @Override
    public void info(String message) {
        LOG.info(message);
    }

    @Override
    public void error(String message, Throwable t) {
        LOG.warn(message, t);
    }

    @Override
    public boolean isDebug() {
        return LOG.isDebugEnabled();
    }
}
