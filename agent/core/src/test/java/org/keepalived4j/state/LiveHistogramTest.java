package org.keepalived4j.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keepalived4j.model.HistogramSnapshot;

class LiveHistogramTest {

    @Test
    void boundsAreInclusiveAndCountsCumulative() {
        LiveHistogram h = new LiveHistogram(0.001, 0.01, 1);
        h.observeNanos(1_000_000);
        h.observeNanos(1_000_001);
        h.observeSeconds(0.5);
        h.observeSeconds(2);
        HistogramSnapshot s = h.snapshot();
        assertThat(s.upperBoundsSeconds()).containsExactly(0.001, 0.01, 1.0);
        assertThat(s.cumulativeCounts()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(s.sumSeconds()).isCloseTo(2.502000001, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void recordsFromSeveralThreadsWithoutLoss() throws Exception {
        LiveHistogram h = new LiveHistogram(1);
        Thread[] writers = new Thread[4];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = new Thread(() -> {
                for (int n = 0; n < 10_000; n++) {
                    h.observeNanos(1000);
                }
            });
            writers[i].start();
        }
        for (Thread t : writers) {
            t.join();
        }
        assertThat(h.snapshot().count()).isEqualTo(40_000);
    }
}
