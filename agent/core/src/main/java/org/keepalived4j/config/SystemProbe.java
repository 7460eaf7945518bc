package org.keepalived4j.config;

import java.util.Optional;

/**
 * The facts about this machine that keepalived's configuration checks depend on: which
 * interfaces exist, whether a script can be executed safely, which users exist. Tests pass a
 * fake; the daemon and {@code -t} use {@link LocalSystemProbe}.
 */
public interface SystemProbe {

    /** Whether a network interface of this name exists now. */
    boolean interfaceExists(String name);

    /** Whether a user of this name exists. */
    boolean userExists(String name);

    /** Whether a group of this name exists. */
    boolean groupExists(String name);

    /**
     * Why the first word of a script command cannot be run (not found, not executable), or
     * empty if it can. A command without a slash is looked up on the PATH, as keepalived does.
     */
    Optional<String> scriptProblem(String command);

    /**
     * Why running this script as root would be unsafe under {@code enable_script_security}
     * (the file or a directory above it is writable by a non-root user), or empty if it is safe.
     */
    Optional<String> scriptSecurityProblem(String command);

    /**
     * The path keepalived shows and runs for a script's program once the script passed its
     * checks: a name without '/' looked up on the PATH, then every symbolic link, {@code .},
     * {@code ..} and doubled '/' resolved. When that changes the file's name (a link to a
     * differently named program: {@code /bin/sh} to {@code /usr/bin/dash}), the original name in
     * the resolved directory is kept if it is the same file ({@code /usr/bin/sh}), since some
     * programs behave by the name they are called. The program unchanged when it cannot be resolved.
     */
    default String programPath(String program) {
        return program;
    }

    /** Whether the interface is a loopback (keepalived refuses those for VRRP). */
    default boolean isLoopback(String name) {
        return "lo".equals(name);
    }

    /** Whether the user runs with root's privileges (uid 0). */
    default boolean isRootUser(String name) {
        return "root".equals(name);
    }

    /** Whether a script found on disk may be executed (keepalived silently skips it otherwise). */
    default boolean scriptExecutable(String command) {
        return true;
    }

    /** The host name, used for {@code router_id} and the config id defaults. */
    String hostName();

    /** The kernel's rule for interface names. */
    static boolean validInterfaceName(String name) {
        return !name.isEmpty() && name.length() < 16 && !".".equals(name) && !"..".equals(name)
                && name.chars().noneMatch(ch -> ch == '/' || ch == ':' || Character.isWhitespace(ch));
    }
}
