package org.keepalived4j.vrrp.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keepalived4j.vrrp.net.TwoNodeLab.address;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keepalived4j.linux.ExternalCommand;
import org.keepalived4j.linux.NetnsLab;

class LinkMonitorIT {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static TwoNodeLab lab;

    private final Recorder recorder = new Recorder();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private NativePoller poller;
    private LinkMonitor monitor;

    @BeforeAll
    static void createNamespaces() throws Exception {
        lab = TwoNodeLab.create();
    }

    @AfterAll
    static void deleteNamespaces() {
        if (lab != null) {
            lab.close();
        }
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void initialDumpReportsLinksAndAddressesThenCompletes() throws Exception {
        start(lab.threadA, 1 << 20);

        awaitDumps(1);

        assertThat(recorder.links).filteredOn(e -> e.link().name().equals(lab.ifA)).first().satisfies(e -> {
            assertThat(e.fromDump()).isTrue();
            assertThat(e.removed()).isFalse();
            assertThat(e.link().index()).isEqualTo(lab.linkA.index());
            assertThat(e.link().mac()).isEqualTo(lab.linkA.mac());
            assertThat(e.link().usable()).isTrue();
        });
        assertThat(recorder.addresses).anySatisfy(e -> {
            assertThat(e.address().address()).isEqualTo(address("10.99.0.1"));
            assertThat(e.fromDump()).isTrue();
        });
    }

    @Test
    void linkDownAndUpArriveThroughThePoller() throws Exception {
        start(lab.threadA, 1 << 20);
        awaitDumps(1);
        recorder.links.clear();

        NetnsLab.ip(lab.nsA, "link", "set", lab.ifA, "down");
        pollUntil(() -> lastEventOf(lab.ifA) != null && !lastEventOf(lab.ifA).link().up());
        NetnsLab.ip(lab.nsA, "link", "set", lab.ifA, "up");
        pollUntil(() -> lastEventOf(lab.ifA) != null && lastEventOf(lab.ifA).link().usable());

        assertThat(recorder.links).allSatisfy(e -> assertThat(e.fromDump()).isFalse());
    }

    @Test
    void peerLinkDownShowsAsLostCarrier() throws Exception {
        start(lab.threadB, 1 << 20);
        awaitDumps(1);
        recorder.links.clear();

        NetnsLab.ip(lab.nsA, "link", "set", lab.ifA, "down");
        try {
            pollUntil(() -> lastEventOf(lab.ifB) != null && !lastEventOf(lab.ifB).link().running());
            assertThat(lastEventOf(lab.ifB).link().up()).isTrue();
            assertThat(lastEventOf(lab.ifB).link().usable()).isFalse();
        } finally {
            NetnsLab.ip(lab.nsA, "link", "set", lab.ifA, "up");
        }
        pollUntil(() -> lastEventOf(lab.ifB).link().usable());
    }

    @Test
    void addressAndLinkRemovalsArrive() throws Exception {
        start(lab.threadA, 1 << 20);
        awaitDumps(1);
        String extra = lab.lab.id() + "x";

        NetnsLab.ip(lab.nsA, "addr", "add", "10.99.0.77/24", "dev", lab.ifA);
        pollUntil(() -> recorder.addresses.stream().anyMatch(e -> !e.fromDump() && !e.removed()
                && e.address().address().equals(address("10.99.0.77"))));
        NetnsLab.ip(lab.nsA, "addr", "del", "10.99.0.77/24", "dev", lab.ifA);
        pollUntil(() -> recorder.addresses.stream().anyMatch(e -> e.removed()
                && e.address().address().equals(address("10.99.0.77"))));

        NetnsLab.ip(lab.nsA, "link", "add", extra, "type", "veth", "peer", "name", extra + "p");
        pollUntil(() -> lastEventOf(extra) != null);
        NetnsLab.ip(lab.nsA, "link", "del", extra);
        pollUntil(() -> lastEventOf(extra).removed());
    }

    @Test
    void resynchronisesAfterTheKernelDroppedNotifications() throws Exception {
        start(lab.threadA, 4096);
        awaitDumps(1);
        Path batch = Files.createTempFile("addresses", ".batch");
        try {
            StringBuilder commands = new StringBuilder();
            for (int i = 1; i <= 200; i++) {
                commands.append("addr add 10.98.").append(i).append(".1/24 dev ").append(lab.ifA).append('\n');
            }
            for (int i = 1; i <= 200; i++) {
                commands.append("addr del 10.98.").append(i).append(".1/24 dev ").append(lab.ifA).append('\n');
            }
            Files.writeString(batch, commands);
            ExternalCommand.run("ip", "-n", lab.nsA, "-batch", batch.toString());
        } finally {
            Files.delete(batch);
        }

        awaitDumps(2);

        assertThat(recorder.links).anySatisfy(e -> {
            assertThat(e.fromDump()).isTrue();
            assertThat(e.link().name()).isEqualTo(lab.ifA);
        });
    }

    @Test
    void dumpRequestedDuringADumpRunsAfterIt() throws Exception {
        start(lab.threadA, 1 << 20);
        monitor.requestDump();
        monitor.requestDump();

        awaitDumps(2);
        pollUntil(() -> false, Duration.ofMillis(200));

        assertThat(recorder.dumps).isEqualTo(2);
    }

    private void start(org.keepalived4j.linux.NamespaceThread thread, int receiveBuffer) throws Exception {
        poller = NativePoller.open();
        resources.add(poller);
        monitor = thread.call(() -> NetlinkLinkMonitor.open(recorder, true, receiveBuffer));
        resources.add(monitor);
        LinkMonitor target = monitor;
        poller.register(monitor.fd(), (fd, failed) -> {
            try {
                target.processReadable();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private void awaitDumps(int count) throws Exception {
        pollUntil(() -> recorder.dumps >= count);
    }

    private void pollUntil(BooleanSupplier condition) throws Exception {
        pollUntil(condition, WAIT);
        if (!condition.getAsBoolean()) {
            throw new AssertionError("condition not met within " + WAIT + "; links " + recorder.links
                    + ", dumps " + recorder.dumps);
        }
    }

    private void pollUntil(BooleanSupplier condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            poller.poll(Math.max(0, deadline - System.nanoTime()));
        }
    }

    private LinkEvent lastEventOf(String name) {
        LinkEvent last = null;
        for (LinkEvent event : recorder.links) {
            if (event.link().name().equals(name)) {
                last = event;
            }
        }
        return last;
    }

    private static final class Recorder implements NetworkEventListener {
        final List<LinkEvent> links = new ArrayList<>();
        final List<AddressEvent> addresses = new ArrayList<>();
        int dumps;

        @Override
        public void linkChanged(LinkEvent event) {
            links.add(event);
        }

        @Override
        public void addressChanged(AddressEvent event) {
            addresses.add(event);
        }

        @Override
        public void dumpCompleted() {
            dumps++;
        }
    }
}
