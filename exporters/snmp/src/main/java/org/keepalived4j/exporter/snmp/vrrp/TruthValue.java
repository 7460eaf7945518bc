package org.keepalived4j.exporter.snmp.vrrp;

import org.snmp4j.smi.Integer32;

/** SNMPv2-TC's TruthValue, and the enabled(1)/disabled(2) enumerations keepalived encodes the same way. */
public final class TruthValue {

    private static final Integer32 TRUE = new Integer32(1);
    private static final Integer32 FALSE = new Integer32(2);

    private TruthValue() {
    }

    /** 1 for true, 2 for false. */
    public static Integer32 of(boolean value) {
        return value ? TRUE : FALSE;
    }
}
