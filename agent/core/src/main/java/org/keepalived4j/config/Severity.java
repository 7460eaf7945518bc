package org.keepalived4j.config;

/** How serious a configuration diagnostic is. */
public enum Severity {
    /**
     * Something keepalived only logs (its {@code -t} prints nothing for it), e.g. a deprecated
     * spelling it accepts silently; it does not make a configuration unclean.
     */
    INFO,
    /** Something was accepted with a change or ignored; keepalived warns and carries on. */
    WARNING,
    /** Something was rejected (a value, a line, a block); the rest of the configuration still loads. */
    ERROR,
    /** The configuration cannot be used at all (e.g. the main file cannot be read). */
    FATAL
}
