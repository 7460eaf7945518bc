package org.keepalived4j.config;

/**
 * One line of {@code interface_up_down_delays}: how long an interface must stay down (up)
 * before instances using it go to FAULT (leave FAULT).
 *
 * @param interfaceName the interface
 * @param downDelayMicros delay after the interface goes down
 * @param upDelayMicros delay after the interface comes up (keepalived 2.2.7 uses 0 when only
 *        one value is given, although its manual says the down delay is reused)
 * @param location where it was written
 */
public record InterfaceDelayConfig(String interfaceName, long downDelayMicros, long upDelayMicros,
        SourceLocation location) {
}
