package org.keepalived4j.check;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.keepalived4j.config.ForwardingConfig;
import org.keepalived4j.config.VirtualServerConfig;
import org.keepalived4j.config.VirtualServerGroupEntry;
import org.keepalived4j.ipvs.IpvsClient;
import org.keepalived4j.ipvs.IpvsDestination;
import org.keepalived4j.ipvs.IpvsException;
import org.keepalived4j.ipvs.IpvsService;
import org.keepalived4j.ipvs.IpvsServiceKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns virtual/real server decisions into {@link IpvsClient} calls, in order, on one thread
 * of its own so that a slow kernel never stalls a checker. A virtual server that uses a
 * {@code virtual_server_group} is expanded into one IPVS service per address of every range
 * and per fwmark. When the client says the kernel has no IPVS, nothing is programmed.
 */
final class IpvsDriver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IpvsDriver.class);
    static final int F_PERSISTENT = 0x0001;
    private static final int MAX_GROUP_SERVICES = 65536;

    private final IpvsClient client;
    private final boolean available;
    private final ExecutorService executor;

    IpvsDriver(IpvsClient client) {
        this.client = client;
        this.available = client != null && client.available();
        this.executor = available ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ipvs");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    boolean available() {
        return available;
    }

    void addService(VirtualServerConfig vs) {
        submit("add service " + vs.key(), () -> {
            for (IpvsServiceKey key : keys(vs)) {
                client.addService(service(vs, key));
            }
        });
    }

    void updateService(VirtualServerConfig vs) {
        submit("update service " + vs.key(), () -> {
            for (IpvsServiceKey key : keys(vs)) {
                client.updateService(service(vs, key));
            }
        });
    }

    void deleteService(VirtualServerConfig vs) {
        submit("delete service " + vs.key(), () -> {
            for (IpvsServiceKey key : keys(vs)) {
                client.deleteService(key);
            }
        });
    }

    void addDestination(VirtualServerConfig vs, Dest dest) {
        submit("add " + dest + " to " + vs.key(), () -> {
            for (IpvsServiceKey key : keys(vs)) {
                client.addDestination(key, dest.toIpvs(key));
            }
        });
    }

    void updateDestination(VirtualServerConfig vs, Dest dest) {
        submit("update " + dest + " of " + vs.key(), () -> {
            for (IpvsServiceKey key : keys(vs)) {
                client.updateDestination(key, dest.toIpvs(key));
            }
        });
    }

    void deleteDestination(VirtualServerConfig vs, Dest dest) {
        submit("delete " + dest + " from " + vs.key(), () -> {
            for (IpvsServiceKey key : keys(vs)) {
                client.deleteDestination(key, dest.toIpvs(key));
            }
        });
    }

    /** Waits until every command submitted so far has been sent (tests, shutdown). */
    void drain() {
        if (executor != null) {
            try {
                executor.submit(() -> { }).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("IPVS commands did not drain: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            drain();
            executor.shutdown();
        }
    }

    private interface Command {
        void run() throws IpvsException;
    }

    private void submit(String what, Command command) {
        if (!available) {
            return;
        }
        executor.execute(() -> {
            try {
                command.run();
            } catch (IpvsException e) {
                LOG.warn("IPVS: cannot {}: {} (errno {})", what, e.getMessage(), e.errno());
            } catch (RuntimeException e) {
                LOG.warn("IPVS: cannot {}", what, e);
            }
        });
    }

    static IpvsService service(VirtualServerConfig vs, IpvsServiceKey key) {
        int flags = vs.schedulerFlags() | (vs.persistenceTimeout() > 0 ? F_PERSISTENT : 0);
        int netmask = vs.persistenceGranularity() >= 0 ? (int) vs.persistenceGranularity()
                : key.ipv6() ? 128 : 0xFFFFFFFF;
        return new IpvsService(key, vs.scheduler(), flags, (int) vs.persistenceTimeout(), netmask);
    }

    /** The IPVS services of a virtual server (several for a group). */
    static List<IpvsServiceKey> keys(VirtualServerConfig vs) {
        int protocol = protocolNumber(vs.protocol());
        if (vs.group() == null) {
            if (vs.address() == null) {
                return List.of(new IpvsServiceKey(vs.ipv6(), 0, null, 0, (int) vs.fwmark()));
            }
            return List.of(new IpvsServiceKey(vs.ipv6(), protocol, vs.address(), vs.port(), 0));
        }
        List<IpvsServiceKey> keys = new ArrayList<>();
        for (VirtualServerGroupEntry entry : vs.group().entries()) {
            if (entry.isFwmark()) {
                boolean v6 = entry.fwmarkFamily() == 0 ? vs.ipv6() : entry.fwmarkFamily() == 6;
                keys.add(new IpvsServiceKey(v6, 0, null, 0, (int) entry.fwmark()));
                continue;
            }
            for (InetAddress address : entry.addresses(MAX_GROUP_SERVICES - keys.size())) {
                keys.add(new IpvsServiceKey(address.getAddress().length == 16, protocol, address, entry.port(), 0));
            }
        }
        return keys;
    }

    static int protocolNumber(String protocol) {
        if (protocol == null) {
            return 0;
        }
        return switch (protocol) {
            case "tcp" -> 6;
            case "udp" -> 17;
            case "sctp" -> 132;
            default -> 0;
        };
    }

    /**
     * A destination as programmed: for DR/TUN the kernel uses the service's port, and keepalived
     * programs it so (for a fwmark service the port is the real server's, or 0).
     */
    record Dest(InetAddress address, int port, ForwardingConfig forwarding, int weight, long upper, long lower) {

        IpvsDestination toIpvs(IpvsServiceKey key) {
            int p = forwarding.method().equals("NAT") || key.fwmark() != 0 ? port : key.port();
            return new IpvsDestination(address, p, forwarding.ipvsFlag(), weight, (int) upper, (int) lower);
        }

        @Override
        public String toString() {
            return address.getHostAddress() + ":" + port + " weight " + weight;
        }
    }
}
