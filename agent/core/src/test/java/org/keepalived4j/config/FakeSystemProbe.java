package org.keepalived4j.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A machine for parser tests: chosen interfaces, users and missing/insecure scripts. */
public final class FakeSystemProbe implements SystemProbe {

    final Set<String> interfaces = new HashSet<>(Set.of("lo"));
    final Set<String> users = new HashSet<>(Set.of("root", "nobody"));
    final Set<String> groups = new HashSet<>(Set.of("root", "nogroup"));
    public final Set<String> missingScripts = new HashSet<>();
    public final Set<String> insecureScripts = new HashSet<>();
    /** Programs that resolve to another path (a link); the others resolve to themselves. */
    public final Map<String, String> programPaths = new HashMap<>();
    /** When not {@code null}, the only scripts that exist. */
    Set<String> presentScripts;

    public static FakeSystemProbe withInterfaces(String... names) {
        FakeSystemProbe p = new FakeSystemProbe();
        p.interfaces.addAll(Set.of(names));
        return p;
    }

    @Override
    public boolean interfaceExists(String name) {
        return interfaces.contains(name);
    }

    @Override
    public boolean userExists(String name) {
        return users.contains(name);
    }

    @Override
    public boolean groupExists(String name) {
        return groups.contains(name);
    }

    @Override
    public Optional<String> scriptProblem(String command) {
        boolean missing = missingScripts.contains(command) || presentScripts != null && !presentScripts.contains(command);
        return missing ? Optional.of("not found") : Optional.empty();
    }

    @Override
    public Optional<String> scriptSecurityProblem(String command) {
        return insecureScripts.contains(command) ? Optional.of("writable by a non-root user") : Optional.empty();
    }

    @Override
    public String programPath(String program) {
        return programPaths.getOrDefault(program, program);
    }

    @Override
    public String hostName() {
        return "testhost";
    }
}
