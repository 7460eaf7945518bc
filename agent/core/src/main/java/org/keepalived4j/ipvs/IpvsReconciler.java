package org.keepalived4j.ipvs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the kernel's IPVS table to a desired state with the fewest operations.
 *
 * <p>Ownership. The kernel does not say who created a service, so the reconciler keeps the set
 * of services it owns: every service of the desired state (a service named by the configuration
 * is owned entirely — its destinations converge to the desired list, extra ones are removed),
 * plus services it still has to remove. Services it does not own are left alone.
 *
 * <p>Each pass reads the service list afresh: a desired service that is missing is added with
 * its destinations, one that differs is updated in place, and owned services no longer desired
 * are removed. A service's destinations are read and converged when the service is new or
 * differs, or when its desired destinations changed since the last pass that applied them all;
 * an unchanged service costs no further read. At start-up, kernel state that already matches is
 * taken over untouched. keepalived's {@code lvs_flush} is {@link #flush()} before the first pass.
 *
 * <p>Errors: an operation the kernel refuses is logged and counted in the result; the rest of
 * the pass goes on (a service that could not be added has its destinations skipped), and the
 * next pass tries again. Nothing is thrown. Without IPVS the client is never called.
 *
 * <p>Within a service, destinations are added and updated before old ones are removed, so a
 * replaced real server never leaves a moment with none. Calls are serialised.
 */
public final class IpvsReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(IpvsReconciler.class);

    private final IpvsClient client;
    private final Set<IpvsServiceKey> owned = new LinkedHashSet<>();
    /** Per owned service, the desired state its last pass applied without a failure. */
    private final Map<IpvsServiceKey, IpvsDesiredState.DesiredService> applied = new HashMap<>();

    public IpvsReconciler(IpvsClient client) {
        this.client = client;
    }

    /** keepalived's {@code lvs_flush}: empties the whole table. Never throws. */
    public synchronized IpvsReconcileResult flush() {
        if (!client.available()) {
            return IpvsReconcileResult.skipped();
        }
        ReconcilePass pass = new ReconcilePass(client);
        if (pass.flush()) {
            owned.clear();
            applied.clear();
        }
        return pass.result();
    }

    /** Applies {@code desired}; never throws. */
    public synchronized IpvsReconcileResult reconcile(IpvsDesiredState desired) {
        if (!client.available()) {
            return IpvsReconcileResult.skipped();
        }
        ReconcilePass pass = new ReconcilePass(client);
        try {
            Map<IpvsServiceKey, IpvsService> kernel = pass.readServices();
            if (kernel == null) {
                return pass.result();
            }
            Set<IpvsServiceKey> removable = new LinkedHashSet<>(owned);
            removable.removeAll(desired.services().keySet());
            removable.retainAll(kernel.keySet());
            owned.clear();
            owned.addAll(desired.services().keySet());
            owned.addAll(removable);
            applied.keySet().retainAll(desired.services().keySet());
            for (IpvsDesiredState.DesiredService service : desired.services().values()) {
                apply(pass, service, kernel.get(service.service().key()));
            }
            for (IpvsServiceKey key : removable) {
                if (pass.removeService(key)) {
                    owned.remove(key);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("IPVS: reconciliation stopped by an unexpected error; will retry", e);
            pass.failed("unexpected error: " + e);
        }
        return pass.result();
    }

    private void apply(ReconcilePass pass, IpvsDesiredState.DesiredService desired, IpvsService kernel) {
        IpvsServiceKey key = desired.service().key();
        if (desired.service().equals(kernel) && desired.equals(applied.get(key))) {
            return;
        }
        if (pass.service(desired, kernel)) {
            applied.put(key, desired);
        } else {
            applied.remove(key);
        }
    }

    /** Removes what this daemon programmed, at a clean stop, as {@code release} says. Never throws. */
    public synchronized IpvsReconcileResult shutdown(IpvsRelease release) {
        if (!client.available() || release == IpvsRelease.KEEP) {
            return IpvsReconcileResult.skipped();
        }
        ReconcilePass pass = new ReconcilePass(client);
        try {
            if (release == IpvsRelease.WHOLE_TABLE) {
                if (pass.flush()) {
                    owned.clear();
                }
                return pass.result();
            }
            for (IpvsServiceKey key : new ArrayList<>(owned)) {
                IpvsDesiredState.DesiredService programmed = applied.get(key);
                if (release == IpvsRelease.SERVERS_AND_SERVICES && programmed != null) {
                    pass.removeDestinations(key, programmed.destinations());
                }
                if (pass.removeService(key)) {
                    owned.remove(key);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("IPVS: shutdown cleanup stopped by an unexpected error", e);
            pass.failed("unexpected error: " + e);
        }
        applied.clear();
        return pass.result();
    }

    /** The services this reconciler currently considers its own. */
    public synchronized Set<IpvsServiceKey> ownedServices() {
        return Set.copyOf(owned);
    }
}
