package org.keepalived4j.exporter.snmp.agent;

import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.exporter.snmp.MibView;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/** Several views served as one, in OID order; the views hold no object in common. */
final class MergedMibView implements MibView {

    private final List<MibView> views;

    MergedMibView(List<MibView> views) {
        this.views = List.copyOf(views);
    }

    @Override
    public List<OID> roots() {
        List<OID> roots = new ArrayList<>();
        views.forEach(v -> roots.addAll(v.roots()));
        roots.sort(null);
        return roots;
    }

    @Override
    public Variable get(OID oid) {
        for (MibView v : views) {
            Variable value = v.get(oid);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    @Override
    public VariableBinding next(OID oid) {
        VariableBinding first = null;
        for (MibView v : views) {
            VariableBinding vb = v.next(oid);
            if (vb != null && (first == null || vb.getOid().compareTo(first.getOid()) < 0)) {
                first = vb;
            }
        }
        return first;
    }
}
