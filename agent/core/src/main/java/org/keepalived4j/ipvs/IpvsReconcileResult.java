package org.keepalived4j.ipvs;

import java.util.List;

/**
 * What one reconciliation did.
 *
 * @param applied false when nothing was attempted because there is no IPVS (monitor-only mode)
 * @param servicesAdded services created
 * @param servicesUpdated services whose scheduler, flags or persistence were changed
 * @param servicesRemoved services deleted (with their destinations)
 * @param destinationsAdded destinations created
 * @param destinationsUpdated destinations whose weight, method, thresholds or tunnel changed
 * @param destinationsRemoved destinations deleted
 * @param failures one line per operation the kernel refused (retried at the next reconciliation)
 */
public record IpvsReconcileResult(boolean applied, int servicesAdded, int servicesUpdated, int servicesRemoved,
        int destinationsAdded, int destinationsUpdated, int destinationsRemoved, List<String> failures) {

    public IpvsReconcileResult {
        failures = List.copyOf(failures);
    }

    static IpvsReconcileResult skipped() {
        return new IpvsReconcileResult(false, 0, 0, 0, 0, 0, 0, List.of());
    }

    /** Whether the kernel now holds the desired state (as far as this pass could tell). */
    public boolean converged() {
        return applied && failures.isEmpty();
    }

    /** How many kernel operations succeeded. */
    public int changes() {
        return servicesAdded + servicesUpdated + servicesRemoved + destinationsAdded + destinationsUpdated
                + destinationsRemoved;
    }
}
