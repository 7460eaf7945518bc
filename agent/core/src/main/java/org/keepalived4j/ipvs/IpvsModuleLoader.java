package org.keepalived4j.ipvs;

/**
 * Asks the system to load the ip_vs kernel module, as keepalived does when IPVS is not there at
 * start-up. The client resolves the "IPVS" family once more afterwards, whatever the outcome.
 */
@FunctionalInterface
public interface IpvsModuleLoader {

    /** Tries to load ip_vs; returns a one-line account of what happened, for the log. */
    String load();

    /** A loader that does nothing (for a system where modules are managed elsewhere). */
    static IpvsModuleLoader none() {
        return () -> "module loading not attempted";
    }
}
