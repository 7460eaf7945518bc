package org.keepalived4j.ipvs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the kernel's IPVS table to a desired state with the fewest operations, reading the
 * table afresh every time, so it is idempotent and repairs outside changes too.
 *
 * <p>Ownership. The kernel does not say who created a service, so the reconciler keeps the set
 * of services it owns: every service of the desired state (a service named by the configuration
 * is owned entirely — its destinations converge to the desired list, extra ones are removed),
 * plus services it still has to remove. Services it does not own are left alone.
 *
 * <p>Start-up (the first pass that can read the table). Kernel state that already matches is
 * taken over untouched; a desired service that differs is updated in place. With
 * {@code lvs_flush}, every other service in the table is removed too — the same end state as
 * keepalived's flush-then-add, without dropping the connections of services that stay. Without
 * it, services the configuration does not name are foreign and kept, as keepalived keeps them.
 *
 * <p>Reload: pass the new desired state; services dropped from the configuration are removed,
 * changed ones updated, unchanged ones not touched.
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
    private final boolean flushAtStartup;
    private final Set<IpvsServiceKey> owned = new LinkedHashSet<>();
    private boolean started;

    /**
     * @param client the kernel
     * @param flushAtStartup keepalived's {@code lvs_flush}: remove services the configuration does
     *        not name at start-up
     */
    public IpvsReconciler(IpvsClient client, boolean flushAtStartup) {
        this.client = client;
        this.flushAtStartup = flushAtStartup;
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
            if (!started && flushAtStartup) {
                removable.addAll(kernel.keySet());
            }
            removable.removeAll(desired.services().keySet());
            removable.retainAll(kernel.keySet());
            started = true;
            owned.clear();
            owned.addAll(desired.services().keySet());
            owned.addAll(removable);
            for (IpvsDesiredState.DesiredService service : desired.services().values()) {
                pass.service(service, kernel.get(service.service().key()));
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

    /**
     * Removes what this daemon programmed, at shutdown: with {@code flushAll}
     * ({@code lvs_flush_on_stop}) the whole table, else each owned service (the kernel removes its
     * destinations with it). Never throws.
     */
    public synchronized IpvsReconcileResult shutdown(boolean flushAll) {
        if (!client.available()) {
            return IpvsReconcileResult.skipped();
        }
        ReconcilePass pass = new ReconcilePass(client);
        try {
            if (flushAll) {
                if (pass.flush()) {
                    owned.clear();
                }
            } else {
                for (IpvsServiceKey key : new ArrayList<>(owned)) {
                    if (pass.removeService(key)) {
                        owned.remove(key);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("IPVS: shutdown cleanup stopped by an unexpected error", e);
            pass.failed("unexpected error: " + e);
        }
        return pass.result();
    }

    /** The services this reconciler currently considers its own. */
    public synchronized Set<IpvsServiceKey> ownedServices() {
        return Set.copyOf(owned);
    }
}
