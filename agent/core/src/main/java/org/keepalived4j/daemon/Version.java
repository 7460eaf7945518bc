package org.keepalived4j.daemon;

/** The keepalived4j version, from the jar manifest (or the build's default when run from classes). */
public final class Version {

    private Version() {
    }

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }
}
