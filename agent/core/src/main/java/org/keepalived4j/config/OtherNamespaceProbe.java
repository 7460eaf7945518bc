package org.keepalived4j.config;

import java.util.Optional;

/**
 * The machine as seen for a configuration with {@code net_namespace}: its interfaces are those
 * of that namespace, which the checking process is not in, so every well-formed interface name
 * is taken to exist there; users, groups and scripts are the machine's own.
 */
public final class OtherNamespaceProbe implements SystemProbe {

    private final SystemProbe machine;

    public OtherNamespaceProbe(SystemProbe machine) {
        this.machine = machine;
    }

    @Override
    public boolean interfaceExists(String name) {
        return SystemProbe.validInterfaceName(name);
    }

    @Override
    public boolean isLoopback(String name) {
        return "lo".equals(name);
    }

    @Override
    public boolean userExists(String name) {
        return machine.userExists(name);
    }

    @Override
    public boolean groupExists(String name) {
        return machine.groupExists(name);
    }

    @Override
    public Optional<String> scriptProblem(String command) {
        return machine.scriptProblem(command);
    }

    @Override
    public Optional<String> scriptSecurityProblem(String command) {
        return machine.scriptSecurityProblem(command);
    }

    @Override
    public String programPath(String program) {
        return machine.programPath(program);
    }

    @Override
    public boolean isRootUser(String name) {
        return machine.isRootUser(name);
    }

    @Override
    public boolean scriptExecutable(String command) {
        return machine.scriptExecutable(command);
    }

    @Override
    public String hostName() {
        return machine.hostName();
    }
}
