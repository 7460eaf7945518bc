package org.keepalived4j.exporter.snmp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.keepalived4j.model.StateView;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * A {@link MibView} over the live state: the sections' objects built from one snapshot and kept
 * for a moment, so that a walk (hundreds of GetNext requests, each answered alone) reads one
 * consistent state instead of building every table once per object. Thread-safe.
 */
public final class SnapshotMibView implements MibView {

    private final StateView state;
    private final List<MibSection> sections;
    private final Clock clock;
    private final Duration maxAge;
    private NavigableMap<OID, Variable> objects;
    private Instant builtAt = Instant.MIN;

    /**
     * @param maxAge how long one build of the objects answers requests (a walk of a few thousand
     *        objects over one state; 0 to build for every request)
     */
    public SnapshotMibView(StateView state, List<MibSection> sections, Clock clock, Duration maxAge) {
        this.state = state;
        this.sections = List.copyOf(sections);
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public List<OID> roots() {
        List<OID> roots = new ArrayList<>();
        for (MibSection s : sections) {
            roots.add(s.root());
        }
        roots.sort(null);
        return roots;
    }

    @Override
    public Variable get(OID oid) {
        return objects().get(oid);
    }

    @Override
    public VariableBinding next(OID oid) {
        Map.Entry<OID, Variable> e = objects().higherEntry(oid);
        return e == null ? null : new VariableBinding(e.getKey(), e.getValue());
    }

    private synchronized NavigableMap<OID, Variable> objects() {
        Instant now = clock.instant();
        if (objects == null || !now.isBefore(builtAt.plus(maxAge))) {
            var snapshot = state.current();
            TreeMap<OID, Variable> built = new TreeMap<>();
            for (MibSection s : sections) {
                s.collect(snapshot, built);
            }
            objects = built;
            builtAt = now;
        }
        return objects;
    }
}
