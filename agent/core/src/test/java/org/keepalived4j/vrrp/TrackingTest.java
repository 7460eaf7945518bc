package org.keepalived4j.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** keepalived's weight rules (vrrp_track.c). */
class TrackingTest {

    private final TrackedObject script = new TrackedObject("script", "chk", true);

    @Test
    void positiveWeightIsAddedWhileUp() {
        Tracking t = new Tracking(List.of(new Tracker(script, 20, false)));
        assertThat(t.effectivePriority(100)).isEqualTo(120);
        script.setUp(false);
        assertThat(t.effectivePriority(100)).isEqualTo(100);
        assertThat(t.fault()).isFalse();
    }

    @Test
    void negativeWeightIsSubtractedWhileDown() {
        Tracking t = new Tracking(List.of(new Tracker(script, -30, false)));
        assertThat(t.effectivePriority(100)).isEqualTo(100);
        script.setUp(false);
        assertThat(t.effectivePriority(100)).isEqualTo(70);
    }

    @Test
    void reverseNegatesTheAdjustment() {
        Tracking t = new Tracking(List.of(new Tracker(script, 20, true)));
        assertThat(t.effectivePriority(100)).isEqualTo(80);
        script.setUp(false);
        assertThat(t.effectivePriority(100)).isEqualTo(100);
    }

    @Test
    void weightZeroFaultsWhenDownOrWhenUpIfReversed() {
        assertThat(new Tracking(List.of(new Tracker(script, 0, false))).fault()).isFalse();
        assertThat(new Tracking(List.of(new Tracker(script, 0, true))).fault()).isTrue();
        script.setUp(false);
        assertThat(new Tracking(List.of(new Tracker(script, 0, false))).fault()).isTrue();
    }

    @Test
    void effectivePriorityStaysWithinOneTo254AndOwnersAreNeverAdjusted() {
        Tracking t = new Tracking(List.of(new Tracker(script, 200, false)));
        assertThat(t.effectivePriority(100)).isEqualTo(254);
        assertThat(t.effectivePriority(255)).isEqualTo(255);
        script.setUp(false);
        Tracking down = new Tracking(List.of(new Tracker(script, -200, false)));
        assertThat(down.effectivePriority(100)).isEqualTo(1);
    }

    @Test
    void trackFileContributesItsValueTimesWeight() {
        TrackedObject file = new TrackedObject("file", "f", true);
        file.setValue(3);
        assertThat(new Tracking(List.of(new Tracker(file, 5, false))).effectivePriority(100)).isEqualTo(115);
        assertThat(new Tracking(List.of(new Tracker(file, 5, true))).effectivePriority(100)).isEqualTo(85);
        assertThat(new Tracking(List.of(new Tracker(file, 0, false))).fault()).isTrue();
        file.setValue(0);
        assertThat(new Tracking(List.of(new Tracker(file, 0, false))).fault()).isFalse();
    }
}
