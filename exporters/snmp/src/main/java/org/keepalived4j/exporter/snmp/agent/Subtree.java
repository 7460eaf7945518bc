package org.keepalived4j.exporter.snmp.agent;

import org.snmp4j.smi.OID;

/**
 * The OID subtree an {@code rocommunity} or {@code rouser} line restricts access to; the whole
 * tree when the line names none.
 *
 * @param root every OID starting with it is inside; the empty OID for the whole tree
 */
record Subtree(OID root) {

    static Subtree all() {
        return new Subtree(new OID());
    }

    /**
     * A numeric OID, with or without its leading dot ({@code .1.3.6.1.4.1.9586}); net-snmp also
     * takes MIB names, which keepalived4j has no MIB files to resolve. Throws with a message fit
     * for the user.
     */
    static Subtree parse(String text) {
        String t = text.startsWith(".") ? text.substring(1) : text;
        if (!t.matches("\\d+(\\.\\d+)*")) {
            throw new IllegalArgumentException("expected a numeric OID such as .1.3.6.1.4.1.9586, got '" + text + "'");
        }
        OID oid = new OID(t);
        if (oid.size() > OID.MAX_OID_LEN) {
            throw new IllegalArgumentException("OID '" + text + "' is too long");
        }
        return new Subtree(oid);
    }

    boolean contains(OID oid) {
        return oid.startsWith(root);
    }

    boolean whole() {
        return root.size() == 0;
    }

    @Override
    public String toString() {
        return whole() ? "all" : "." + root;
    }
}
