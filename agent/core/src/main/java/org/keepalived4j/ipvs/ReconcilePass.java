package org.keepalived4j.ipvs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keepalived4j.linux.Errno;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconciliation pass: the kernel operations, each logged and counted, none thrown. A
 * refused operation becomes a failure line; deleting something already gone counts as done.
 */
final class ReconcilePass {

    private static final Logger LOG = LoggerFactory.getLogger(IpvsReconciler.class);

    private final IpvsClient client;
    private final List<String> failures = new ArrayList<>();
    private int servicesAdded;
    private int servicesUpdated;
    private int servicesRemoved;
    private int destinationsAdded;
    private int destinationsUpdated;
    private int destinationsRemoved;

    ReconcilePass(IpvsClient client) {
        this.client = client;
    }

    /** The destinations to add, update and remove to turn {@code kernel} into {@code desired}. */
    record DestinationChanges(List<IpvsDestination> add, List<IpvsDestination> update, List<IpvsDestination> remove) {

        static DestinationChanges between(List<IpvsDestination> desired, List<IpvsDestination> kernel) {
            Map<String, IpvsDestination> current = new HashMap<>();
            kernel.forEach(destination -> current.put(destination.label(), destination));
            List<IpvsDestination> add = new ArrayList<>();
            List<IpvsDestination> update = new ArrayList<>();
            for (IpvsDestination destination : desired) {
                IpvsDestination existing = current.remove(destination.label());
                if (existing == null) {
                    add.add(destination);
                } else if (!existing.equals(destination)) {
                    update.add(destination);
                }
            }
            List<IpvsDestination> remove = new ArrayList<>(current.values());
            remove.sort((a, b) -> kernel.indexOf(a) - kernel.indexOf(b));
            return new DestinationChanges(add, update, remove);
        }
    }

    /** The kernel's services by key, or {@code null} if they cannot be read. */
    Map<IpvsServiceKey, IpvsService> readServices() {
        try {
            Map<IpvsServiceKey, IpvsService> services = new LinkedHashMap<>();
            client.services().forEach(service -> services.put(service.key(), service));
            return services;
        } catch (IpvsException e) {
            refused("reading the IPVS table", e);
            return null;
        }
    }

    /**
     * Brings one desired service and its destinations about; {@code kernel} is its current state.
     *
     * @return whether every operation it took succeeded
     */
    boolean service(IpvsDesiredState.DesiredService desired, IpvsService kernel) {
        int failuresBefore = failures.size();
        IpvsService service = desired.service();
        IpvsServiceKey key = service.key();
        if (kernel == null) {
            LOG.info("IPVS: adding service {} ({})", key.label(), service.scheduler());
            if (attempt(key, () -> client.addService(service))) {
                servicesAdded++;
                destinations(key, DestinationChanges.between(desired.destinations(), List.of()));
            }
            return failures.size() == failuresBefore;
        }
        if (!kernel.equals(service)) {
            LOG.info("IPVS: updating service {}: {} -> {}", key.label(), kernel, service);
            if (attempt(key, () -> client.updateService(service))) {
                servicesUpdated++;
            }
        }
        List<IpvsDestination> current = readDestinations(key);
        if (current != null) {
            destinations(key, DestinationChanges.between(desired.destinations(), current));
        }
        return failures.size() == failuresBefore;
    }

    private List<IpvsDestination> readDestinations(IpvsServiceKey key) {
        try {
            return client.destinations(key);
        } catch (IpvsException e) {
            refused(key.label(), e);
            return null;
        }
    }

    private void destinations(IpvsServiceKey key, DestinationChanges changes) {
        for (IpvsDestination destination : changes.add()) {
            LOG.info("IPVS: adding real server {} to {} (weight {})", destination.label(), key.label(),
                    destination.weight());
            if (attempt(key, () -> client.addDestination(key, destination))) {
                destinationsAdded++;
            }
        }
        for (IpvsDestination destination : changes.update()) {
            LOG.info("IPVS: updating real server {} of {} (weight {})", destination.label(), key.label(),
                    destination.weight());
            if (attempt(key, () -> client.updateDestination(key, destination))) {
                destinationsUpdated++;
            }
        }
        removeDestinations(key, changes.remove());
    }

    /** Deletes destinations of a service; one already gone counts as removed. */
    void removeDestinations(IpvsServiceKey key, List<IpvsDestination> destinations) {
        for (IpvsDestination destination : destinations) {
            LOG.info("IPVS: removing real server {} from {}", destination.label(), key.label());
            if (attemptRemoval(key, () -> client.deleteDestination(key, destination))) {
                destinationsRemoved++;
            }
        }
    }

    /** Deletes a service; true if it is gone afterwards. */
    boolean removeService(IpvsServiceKey key) {
        LOG.info("IPVS: removing service {}", key.label());
        boolean removed = attemptRemoval(key, () -> client.deleteService(key));
        if (removed) {
            servicesRemoved++;
        }
        return removed;
    }

    /** Empties the whole table; true if done. */
    boolean flush() {
        LOG.info("IPVS: flushing the whole table");
        return attempt(null, client::flush);
    }

    void failed(String failure) {
        failures.add(failure);
    }

    IpvsReconcileResult result() {
        return new IpvsReconcileResult(true, servicesAdded, servicesUpdated, servicesRemoved, destinationsAdded,
                destinationsUpdated, destinationsRemoved, failures);
    }

    private boolean attempt(IpvsServiceKey key, Operation operation) {
        try {
            operation.run();
            return true;
        } catch (IpvsException e) {
            refused(key == null ? "IPVS" : key.label(), e);
            return false;
        }
    }

    // ESRCH (no such service) and ENOENT (no such destination) on a delete: already gone
    private boolean attemptRemoval(IpvsServiceKey key, Operation operation) {
        try {
            operation.run();
            return true;
        } catch (IpvsException e) {
            if (e.errno() == Errno.ESRCH || e.errno() == Errno.ENOENT) {
                LOG.info("IPVS: {}: already gone", e.getMessage());
                return true;
            }
            refused(key.label(), e);
            return false;
        }
    }

    private void refused(String subject, IpvsException e) {
        LOG.warn("IPVS: {}; will retry at the next reconciliation", e.getMessage());
        failures.add(subject + ": " + e.getMessage());
    }

    @FunctionalInterface
    private interface Operation {
        void run() throws IpvsException;
    }
}
