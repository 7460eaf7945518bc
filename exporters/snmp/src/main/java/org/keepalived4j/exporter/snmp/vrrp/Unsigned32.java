package org.keepalived4j.exporter.snmp.vrrp;

import org.snmp4j.smi.Gauge32;

/**
 * Unsigned32 / Gauge32 values as keepalived's C code produces them: the low 32 bits of the
 * number, so a value the configuration or a counter took out of range never stops a walk.
 */
public final class Unsigned32 {

    private Unsigned32() {
    }

    public static Gauge32 of(long value) {
        return new Gauge32(value & 0xFFFFFFFFL);
    }
}
