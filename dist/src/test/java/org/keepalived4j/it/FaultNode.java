package org.keepalived4j.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One node of the fault rig: its daemon ({@link Node}), the observers of its namespace (VIP
 * changes, adverts on its interface, the states its notify script reports), and the record of
 * what was done to it (starts, SIGKILLs, graceful stops, link down) that the {@link Timeline}
 * needs.
 */
final class FaultNode implements AutoCloseable {

    static final String DEV = "eth0";

    private final String name;
    private final String ns;
    private final String address;
    private final Node node;
    private final StateFile states;
    private final AddressWatch addresses;
    private final AdvertCapture capture;
    private final Map<String, Integer> priorities = new LinkedHashMap<>();
    private final List<Timeline.Life> lives = new ArrayList<>();
    private final Function<FaultNode, String> config;
    private long lifeStart = -1;
    private boolean linkUp = true;
    private boolean dead;
    private int logOffset;

    FaultNode(String name, Node.Kind kind, String ns, String address, Path dir, String ignoredSource,
            Function<FaultNode, String> config) {
        this.name = name;
        this.ns = ns;
        this.address = address;
        this.config = config;
        this.node = new Node(kind, ns, dir, name);
        this.states = new StateFile(dir, name);
        this.addresses = new AddressWatch(ns);
        this.capture = new AdvertCapture(ns, DEV, ignoredSource);
    }

    String name() {
        return name;
    }

    String ns() {
        return ns;
    }

    String address() {
        return address;
    }

    Node.Kind kind() {
        return node.kind();
    }

    boolean keepalived4j() {
        return node.kind() == Node.Kind.KEEPALIVED4J;
    }

    StateFile states() {
        return states;
    }

    /** The priority of {@code instance} in the configuration the node runs (or will run). */
    int priority(String instance) {
        return priorities.getOrDefault(instance, 0);
    }

    void priority(String instance, int priority) {
        priorities.put(instance, priority);
    }

    /** The configuration text for the node's current priorities. */
    String config() {
        return config.apply(this);
    }

    void start() throws IOException {
        lifeStart = Timeline.now();
        node.start(config());
    }

    /** SIGKILL of the daemon's process group: a crash. */
    void kill() {
        long at = Timeline.now();
        node.kill();
        lives.add(new Timeline.Life(lifeStart, at, true));
        lifeStart = -1;
        dead = true;
    }

    /** SIGTERM, waiting for the exit; the life ends when the process is gone. */
    void stop() {
        node.stop();
        lives.add(new Timeline.Life(lifeStart, Timeline.now(), false));
        lifeStart = -1;
        dead = false;
    }

    /** Writes {@code text} as the configuration and sends SIGHUP. */
    void reload(String text) throws IOException {
        node.reload(text);
    }

    /** Whether the daemon's process is still there (after {@link #stop()}: it did not exit). */
    boolean alive() {
        return node.alive();
    }

    /** Killed and not started again: its VIPs may stay on the interface (the kernel keeps them). */
    boolean dead() {
        return dead && !running();
    }

    boolean running() {
        return lifeStart >= 0;
    }

    long lifeStart() {
        return lifeStart;
    }

    void link(boolean up) {
        Lab.run("ip", "-n", ns, "link", "set", DEV, up ? "up" : "down");
        linkUp = up;
    }

    boolean linkUp() {
        return linkUp;
    }

    boolean holds(String vip) {
        return Lab.lists(addresses(), vip);
    }

    /** {@code ip -o addr show dev eth0} now. */
    String addresses() {
        return Lab.addresses(ns, DEV);
    }

    /** The state the running daemon last reported for {@code instance}, or null (none yet, or not running). */
    String state(String instance) {
        return running() ? states.stateAt(instance, lifeStart, Long.MAX_VALUE) : null;
    }

    String log() {
        return node.log();
    }

    /** The log lines written since the last call (all of them the first time). */
    String newLog() {
        String log = node.log();
        String fresh = log.substring(Math.min(logOffset, log.length()));
        logOffset = log.length();
        return fresh;
    }

    /** Everything recorded about the node, for the {@link Timeline}, with {@code vip}'s changes. */
    Timeline.NodeRecord record(String vip) {
        List<Timeline.Life> all = new ArrayList<>(lives);
        if (lifeStart >= 0) {
            all.add(new Timeline.Life(lifeStart, Long.MAX_VALUE, false));
        }
        return new Timeline.NodeRecord(name, address, all, states.changes(), addresses.changes(vip),
                capture.adverts());
    }

    List<AddressWatch.Change> vipChanges(String vip) {
        return addresses.changes(vip);
    }

    List<AdvertCapture.Advert> adverts() {
        return capture.adverts();
    }

    @Override
    public void close() {
        node.close();
        capture.close();
        addresses.close();
    }
}
