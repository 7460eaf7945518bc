package org.keepalived4j.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keepalived4j.ipvs.IpvsClient;
import org.keepalived4j.ipvs.IpvsDestination;
import org.keepalived4j.ipvs.IpvsException;
import org.keepalived4j.ipvs.IpvsService;
import org.keepalived4j.ipvs.IpvsServiceKey;

/** An in-memory IPVS table that records every command, refusing what the kernel would refuse. */
final class FakeIpvsClient implements IpvsClient {

    private final boolean available;
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<IpvsServiceKey, IpvsService> services = new LinkedHashMap<>();
    private final Map<IpvsServiceKey, Map<String, IpvsDestination>> destinations = new LinkedHashMap<>();

    FakeIpvsClient(boolean available) {
        this.available = available;
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public synchronized List<IpvsService> services() {
        return List.copyOf(services.values());
    }

    @Override
    public synchronized void addService(IpvsService service) throws IpvsException {
        calls.add("add-service " + describe(service.key()) + " " + service.scheduler() + " flags " + service.flags()
                + " persistence " + service.persistenceTimeoutSeconds());
        if (services.putIfAbsent(service.key(), service) != null) {
            throw new IpvsException("File exists", 17);
        }
        destinations.put(service.key(), new LinkedHashMap<>());
    }

    @Override
    public synchronized void updateService(IpvsService service) throws IpvsException {
        calls.add("update-service " + describe(service.key()) + " " + service.scheduler());
        if (services.replace(service.key(), service) == null) {
            throw new IpvsException("No such process", 3);
        }
    }

    @Override
    public synchronized void deleteService(IpvsServiceKey key) throws IpvsException {
        calls.add("delete-service " + describe(key));
        if (services.remove(key) == null) {
            throw new IpvsException("No such process", 3);
        }
        destinations.remove(key);
    }

    @Override
    public synchronized List<IpvsDestination> destinations(IpvsServiceKey service) {
        return List.copyOf(destinations.getOrDefault(service, Map.of()).values());
    }

    @Override
    public synchronized void addDestination(IpvsServiceKey service, IpvsDestination d) throws IpvsException {
        calls.add("add-dest " + describe(service) + " " + describe(d));
        Map<String, IpvsDestination> table = table(service);
        if (table.putIfAbsent(id(d), d) != null) {
            throw new IpvsException("File exists", 17);
        }
    }

    @Override
    public synchronized void updateDestination(IpvsServiceKey service, IpvsDestination d) throws IpvsException {
        calls.add("update-dest " + describe(service) + " " + describe(d));
        if (table(service).replace(id(d), d) == null) {
            throw new IpvsException("No such file or directory", 2);
        }
    }

    @Override
    public synchronized void deleteDestination(IpvsServiceKey service, IpvsDestination d) throws IpvsException {
        calls.add("delete-dest " + describe(service) + " " + describe(d));
        if (table(service).remove(id(d)) == null) {
            throw new IpvsException("No such file or directory", 2);
        }
    }

    @Override
    public synchronized void flush() {
        calls.add("flush");
        services.clear();
        destinations.clear();
    }

    @Override
    public void close() {
    }

    /** The weights of the destinations of a service, by address:port. */
    synchronized Map<String, Integer> weights(IpvsServiceKey key) {
        Map<String, Integer> out = new LinkedHashMap<>();
        destinations.getOrDefault(key, Map.of()).values().forEach(d -> out.put(id(d), d.weight()));
        return out;
    }

    synchronized int serviceCount() {
        return services.size();
    }

    private Map<String, IpvsDestination> table(IpvsServiceKey key) throws IpvsException {
        Map<String, IpvsDestination> table = destinations.get(key);
        if (table == null) {
            throw new IpvsException("No such process", 3);
        }
        return table;
    }

    private static String id(IpvsDestination d) {
        return d.address().getHostAddress() + ":" + d.port();
    }

    private static String describe(IpvsServiceKey k) {
        return k.fwmark() != 0 ? "fwm" + k.fwmark() : k.address().getHostAddress() + ":" + k.port() + "/" + k.protocol();
    }

    private static String describe(IpvsDestination d) {
        return id(d) + " w" + d.weight();
    }
}
