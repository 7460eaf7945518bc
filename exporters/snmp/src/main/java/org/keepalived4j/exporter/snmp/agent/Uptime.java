package org.keepalived4j.exporter.snmp.agent;

import java.time.Clock;
import org.snmp4j.smi.TimeTicks;

/** sysUpTime: hundredths of a second since the agent and its sinks started (RFC 3418). */
final class Uptime {

    private final Clock clock;
    private final long startMillis;

    Uptime(Clock clock) {
        this.clock = clock;
        this.startMillis = clock.millis();
    }

    TimeTicks now() {
        // a clock stepped back reads as 0 rather than as a negative (unencodable) uptime
        long centis = Math.max(0, clock.millis() - startMillis) / 10;
        return new TimeTicks(centis & 0xffffffffL);
    }
}
