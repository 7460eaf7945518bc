package org.keepalived4j.linux;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Network namespaces and veth links for integration tests, named {@code linux<6 hex><role>}
 * so that concurrent runs never collide, and deleted (with their links) by {@link #close()}.
 * Needs root; anything that fails is an AssertionError, so a test that cannot get its
 * namespaces fails loudly.
 */
public final class NetnsLab implements AutoCloseable {

    private final String id;
    private final List<String> namespaces = new ArrayList<>();

    private NetnsLab(String id) {
        this.id = id;
    }

    /** A lab with a fresh random id. */
    public static NetnsLab create() {
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return new NetnsLab("linux" + HexFormat.of().formatHex(random));
    }

    /** The unique prefix of every name in this lab (11 characters). */
    public String id() {
        return id;
    }

    /**
     * Creates namespace {@code id + role} with loopback up and IPv6 duplicate address detection
     * off (so that link-local addresses are usable at once); returns its name.
     */
    public String namespace(String role) {
        String name = id + role;
        ExternalCommand.run("ip", "netns", "add", name);
        namespaces.add(name);
        ExternalCommand.run("ip", "-n", name, "link", "set", "lo", "up");
        ExternalCommand.run("ip", "netns", "exec", name, "sysctl", "-q", "-w", "net.ipv6.conf.all.accept_dad=0");
        ExternalCommand.run("ip", "netns", "exec", name, "sysctl", "-q", "-w", "net.ipv6.conf.default.accept_dad=0");
        return name;
    }

    /** Creates a veth pair {@code nameA} in {@code nsA} / {@code nameB} in {@code nsB}, both up. */
    public void veth(String nsA, String nameA, String nsB, String nameB) {
        ExternalCommand.run("ip", "-n", nsA, "link", "add", nameA, "type", "veth", "peer", "name", nameB,
                "netns", nsB);
        ExternalCommand.run("ip", "-n", nsA, "link", "set", nameA, "up");
        ExternalCommand.run("ip", "-n", nsB, "link", "set", nameB, "up");
    }

    /** Runs {@code ip -n NS ARGS...}; returns its output. */
    public static String ip(String namespace, String... arguments) {
        String[] command = new String[arguments.length + 3];
        command[0] = "ip";
        command[1] = "-n";
        command[2] = namespace;
        System.arraycopy(arguments, 0, command, 3, arguments.length);
        return ExternalCommand.run(command);
    }

    /** Runs {@code ip netns exec NS COMMAND...}; returns its output. */
    public static String exec(String namespace, String... command) {
        String[] full = new String[command.length + 4];
        full[0] = "ip";
        full[1] = "netns";
        full[2] = "exec";
        full[3] = namespace;
        System.arraycopy(command, 0, full, 4, command.length);
        return ExternalCommand.run(full);
    }

    /** Deletes every namespace of this lab (which deletes their interfaces). */
    @Override
    public void close() {
        List<String> failures = new ArrayList<>();
        for (String namespace : namespaces) {
            ExternalCommand.Result result = ExternalCommand.tryRun("ip", "netns", "del", namespace);
            if (result.exitCode() != 0) {
                failures.add(namespace + ": " + result.output());
            }
        }
        namespaces.clear();
        if (!failures.isEmpty()) {
            throw new AssertionError("could not delete namespaces " + failures);
        }
    }
}
