package org.keepalived4j.config.keyword;

/**
 * Thrown inside the parser where keepalived stops reading the configuration altogether (a
 * keyword's mandatory parameter is missing); the fatal diagnostic has been recorded already.
 */
public final class ConfigAbortedException extends RuntimeException {

    ConfigAbortedException() {
        super("configuration reading aborted", null, false, false);
    }
}
