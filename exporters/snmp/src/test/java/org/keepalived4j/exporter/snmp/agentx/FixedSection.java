package org.keepalived4j.exporter.snmp.agentx;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.keepalived4j.exporter.snmp.MibSection;
import org.keepalived4j.exporter.snmp.MibView;
import org.keepalived4j.exporter.snmp.SnapshotMibView;
import org.keepalived4j.model.FakeStateView;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.StateSnapshot;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/** A MIB section whose objects are fixed by the test, whatever the state. */
record FixedSection(OID root, SortedMap<OID, Variable> objects) implements MibSection {

    FixedSection(OID root, Map<OID, Variable> objects) {
        this(root, new TreeMap<>(objects));
    }

    @Override
    public void collect(StateSnapshot state, SortedMap<OID, Variable> out) {
        out.putAll(objects);
    }

    /** The production view over these sections, rebuilt for every request. */
    static MibView view(FixedSection... sections) {
        return view(Duration.ZERO, sections);
    }

    /** The production view over these sections, each build kept for {@code maxAge}. */
    static MibView view(Duration maxAge, FixedSection... sections) {
        return new SnapshotMibView(new FakeStateView(SampleStates.small()), List.of(sections), Clock.systemUTC(),
                maxAge);
    }
}
