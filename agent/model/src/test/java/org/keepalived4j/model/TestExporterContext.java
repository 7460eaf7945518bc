package org.keepalived4j.model;

import java.time.Clock;
import java.time.ZoneOffset;
import javax.management.MBeanServer;

/** An {@link ExporterContext} assembled by a test. */
public record TestExporterContext(StateView state, MBeanServer mbeanServer, Clock clock, Settings settings)
        implements ExporterContext {

    public static TestExporterContext of(StateView state, MBeanServer mbeanServer, Settings settings) {
        return new TestExporterContext(state, mbeanServer, Clock.fixed(SampleStates.NOW, ZoneOffset.UTC), settings);
    }
}
