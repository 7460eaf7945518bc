package org.keepalived4j.config;

import java.util.List;

/**
 * A {@code garp_group} block: pacing of gratuitous ARPs / unsolicited NAs on some interfaces.
 *
 * @param location where the block starts
 * @param garpIntervalMicros {@code garp_interval}, or {@code null}
 * @param gnaIntervalMicros {@code gna_interval}, or {@code null}
 * @param interfaces {@code interface} (one) or {@code interfaces} (an aggregation group)
 * @param aggregate whether the delays apply across all the interfaces together ({@code interfaces})
 */
public record GarpGroupConfig(SourceLocation location, Long garpIntervalMicros, Long gnaIntervalMicros,
        List<String> interfaces, boolean aggregate) {

    public GarpGroupConfig {
        interfaces = List.copyOf(interfaces);
    }
}
