package org.keepalived4j.config;

/** {@code BFD_CHECK}: follows a BFD session ({@code name}). */
public record BfdCheckConfig(SourceLocation location, String name) implements CheckerConfig {

    @Override
    public String type() {
        return "BFD_CHECK";
    }
}
