package org.keepalived4j.ipvs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keepalived4j.linux.Errno;

/**
 * An IPVS table in memory with the kernel's answers: EEXIST for a duplicate, ESRCH for a missing
 * service, ENOENT for a missing destination. Records every mutating call that succeeded, and
 * can be told to refuse the next calls whose description starts with a prefix. Without IPVS any
 * call is a test failure. Safe to read from a test thread while the daemon's IPVS thread writes.
 */
public class InMemoryIpvsClient implements IpvsClient {

    private final boolean available;
    private final Map<IpvsServiceKey, IpvsService> services = new LinkedHashMap<>();
    private final Map<IpvsServiceKey, Map<String, IpvsDestination>> destinations = new LinkedHashMap<>();
    private final List<String[]> refusals = new ArrayList<>();
    private final List<String> operations = new ArrayList<>();
    private int calls;

    public InMemoryIpvsClient(boolean available) {
        this.available = available;
    }

    /** Makes the next call described as {@code prefix...} fail with {@code errno}. */
    public synchronized InMemoryIpvsClient refuseNext(String prefix, int errno) {
        refusals.add(new String[] {prefix, Integer.toString(errno)});
        return this;
    }

    /** Puts a service straight into the table (state left by someone else, or a previous run). */
    public synchronized InMemoryIpvsClient existing(IpvsService service, IpvsDestination... dests) {
        services.put(service.key(), service);
        Map<String, IpvsDestination> map = new LinkedHashMap<>();
        for (IpvsDestination dest : dests) {
            map.put(dest.label(), dest);
        }
        destinations.put(service.key(), map);
        return this;
    }

    /** The operations that changed the table so far, e.g. "add destination 10.0.0.1:80 w3 to TCP 192.168.1.10:80". */
    public synchronized List<String> operations() {
        return List.copyOf(operations);
    }

    public synchronized void clearOperations() {
        operations.clear();
    }

    /** How many calls reached the table, reads included. */
    public synchronized int calls() {
        return calls;
    }

    public synchronized Map<IpvsServiceKey, IpvsService> table() {
        return new LinkedHashMap<>(services);
    }

    public synchronized List<IpvsDestination> destinationsOf(IpvsServiceKey key) {
        return List.copyOf(destinations.getOrDefault(key, Map.of()).values());
    }

    /** The weights of a service's destinations by label ("10.0.0.1:80"), in the order they were added. */
    public synchronized Map<String, Integer> weights(IpvsServiceKey key) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        destinations.getOrDefault(key, Map.of()).values().forEach(d -> weights.put(d.label(), d.weight()));
        return weights;
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public synchronized List<IpvsService> services() throws IpvsException {
        check("list services");
        return List.copyOf(services.values());
    }

    @Override
    public synchronized void addService(IpvsService service) throws IpvsException {
        check("add service " + service.key().label());
        if (services.containsKey(service.key())) {
            throw new IpvsException("exists", Errno.EEXIST);
        }
        services.put(service.key(), service);
        destinations.put(service.key(), new LinkedHashMap<>());
        operations.add("add service " + service.key().label());
    }

    @Override
    public synchronized void updateService(IpvsService service) throws IpvsException {
        check("update service " + service.key().label());
        requireService(service.key());
        services.put(service.key(), service);
        operations.add("update service " + service.key().label());
    }

    @Override
    public synchronized void deleteService(IpvsServiceKey key) throws IpvsException {
        check("delete service " + key.label());
        requireService(key);
        services.remove(key);
        destinations.remove(key);
        operations.add("delete service " + key.label());
    }

    @Override
    public synchronized List<IpvsDestination> destinations(IpvsServiceKey service) throws IpvsException {
        check("list destinations " + service.label());
        requireService(service);
        return destinationsOf(service);
    }

    @Override
    public synchronized void addDestination(IpvsServiceKey service, IpvsDestination destination)
            throws IpvsException {
        check("add destination " + destination.label());
        requireService(service);
        if (destinations.get(service).putIfAbsent(destination.label(), destination) != null) {
            throw new IpvsException("exists", Errno.EEXIST);
        }
        operations.add("add destination " + destination.label() + " w" + destination.weight() + " to "
                + service.label());
    }

    @Override
    public synchronized void updateDestination(IpvsServiceKey service, IpvsDestination destination)
            throws IpvsException {
        check("update destination " + destination.label());
        requireService(service);
        if (destinations.get(service).replace(destination.label(), destination) == null) {
            throw new IpvsException("no such destination", Errno.ENOENT);
        }
        operations.add("update destination " + destination.label() + " w" + destination.weight() + " of "
                + service.label());
    }

    @Override
    public synchronized void deleteDestination(IpvsServiceKey service, IpvsDestination destination)
            throws IpvsException {
        check("delete destination " + destination.label());
        requireService(service);
        if (destinations.get(service).remove(destination.label()) == null) {
            throw new IpvsException("no such destination", Errno.ENOENT);
        }
        operations.add("delete destination " + destination.label() + " from " + service.label());
    }

    @Override
    public synchronized void flush() throws IpvsException {
        check("flush");
        services.clear();
        destinations.clear();
        operations.add("flush");
    }

    @Override
    public void close() {
    }

    private void check(String call) throws IpvsException {
        if (!available) {
            throw new AssertionError("the kernel was called without IPVS: " + call);
        }
        calls++;
        for (int i = 0; i < refusals.size(); i++) {
            if (call.startsWith(refusals.get(i)[0])) {
                int errno = Integer.parseInt(refusals.remove(i)[1]);
                throw new IpvsException(call + " failed: " + Errno.name(errno), errno);
            }
        }
    }

    private void requireService(IpvsServiceKey key) throws IpvsException {
        if (!services.containsKey(key)) {
            throw new IpvsException("no such service", Errno.ESRCH);
        }
    }
}
