package org.keepalived4j.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fault suite's judgement of who held a VIP and why, on hand-made records (no namespaces). */
class TimelineTest {

    private static final long S = 1_000_000;
    private static final String A = "10.0.0.1";
    private static final String B = "10.0.0.2";

    private static StateFile.Change state(long at, String state, int priority) {
        return new StateFile.Change(at, "VI_1", state, priority);
    }

    private static AddressWatch.Change vip(long at, boolean added) {
        return new AddressWatch.Change(at, "eth0", "10.0.0.100", added);
    }

    private static Timeline.NodeRecord node(String name, String address, List<Timeline.Life> lives,
            List<StateFile.Change> states, List<AddressWatch.Change> vip, List<AdvertCapture.Advert> adverts) {
        return new Timeline.NodeRecord(name, address, lives, states, vip, adverts);
    }

    private static List<Timeline.Window> holders(Timeline.NodeRecord node, long end) {
        return Timeline.holders(node, "VI_1", end, 2 * S, S / 2);
    }

    @Test
    void aNodeRestartedAfterSigkillThatKeepsItsVipAsBackupHoldsItAsANonMaster() {
        Timeline.NodeRecord a = node("a", A,
                List.of(new Timeline.Life(0, 10 * S, true), new Timeline.Life(20 * S, Long.MAX_VALUE, false)),
                List.of(state(4 * S, "BACKUP", 150), state(7 * S, "MASTER", 150), state(22 * S, "BACKUP", 150),
                        state(25 * S, "MASTER", 150)),
                List.of(vip(7 * S - 10_000, true)), List.of());
        List<Timeline.Window> windows = holders(a, 30 * S);
        assertThat(windows).extracting(Timeline.Window::kind).containsExactly(Timeline.ADDED_BEFORE_REPORT,
                Timeline.STALE_AFTER_KILL, Timeline.NON_MASTER_HOLDER);
        assertThat(windows.get(1).from()).isEqualTo(10 * S);
        assertThat(windows.get(1).to()).isEqualTo(22 * S);
        assertThat(windows.get(1).detail()).isEqualTo("DEAD+RESTARTING");
        assertThat(windows.get(2).micros()).isEqualTo(3 * S);
    }

    @Test
    void aRemovalSeenShortlyAfterTheReportIsTheTransitionALaterOneIsALingeringVip() {
        List<StateFile.Change> states = List.of(state(S, "MASTER", 150), state(5 * S, "BACKUP", 150));
        List<Timeline.Life> life = List.of(new Timeline.Life(0, Long.MAX_VALUE, false));
        Timeline.NodeRecord quick = node("a", A, life, states, List.of(vip(S, true), vip(5 * S + 3_000, false)), List.of());
        Timeline.NodeRecord slow = node("a", A, life, states, List.of(vip(S, true), vip(6 * S, false)), List.of());
        assertThat(holders(quick, 9 * S)).extracting(Timeline.Window::kind).containsExactly(Timeline.REMOVAL_SEEN_LATE);
        assertThat(holders(slow, 9 * S)).extracting(Timeline.Window::kind).containsExactly(Timeline.NON_MASTER_HOLDER);
    }

    @Test
    void aVipStillThereAfterAGracefulStopIsHeldByAStoppedNode() {
        Timeline.NodeRecord a = node("a", A, List.of(new Timeline.Life(0, 5 * S, false)),
                List.of(state(S, "MASTER", 150)), List.of(vip(S, true)), List.of());
        assertThat(holders(a, 9 * S)).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(Timeline.STOPPED_HOLDER);
            assertThat(w.micros()).isEqualTo(4 * S);
        });
    }

    private static List<AdvertCapture.Advert> adverts(String source, int priority, long... at) {
        return java.util.Arrays.stream(at).mapToObj(t -> new AdvertCapture.Advert(t, source, 51, priority)).toList();
    }

    private static List<Timeline.Window> twoMasters(List<AdvertCapture.Advert> heardByB,
            List<AdvertCapture.Advert> sentByA, int priorityB) {
        List<Timeline.Life> life = List.of(new Timeline.Life(0, Long.MAX_VALUE, false));
        Timeline.NodeRecord a = node("a", A, life, List.of(state(S, "MASTER", 150)), List.of(), sentByA);
        Timeline.NodeRecord b = node("b", B, life, List.of(state(S, "BACKUP", priorityB),
                state(10 * S, "MASTER", priorityB), state(10 * S + 5_000, "BACKUP", priorityB)), List.of(), heardByB);
        return Timeline.twoMasters(a, b, "VI_1", 51, S, 2 * S, 20 * S);
    }

    @Test
    void twoMastersAreExplainedByTheSilenceTheNewcomerHeardOrByPreemption() {
        List<AdvertCapture.Advert> sent = adverts(A, 150, 5 * S, 6 * S, 7 * S, 8 * S, 9 * S);
        assertThat(Timeline.masterDownMicros(S, 100)).isEqualTo(3_609_375);
        assertThat(twoMasters(adverts(A, 150, 5 * S), sent, 100)).singleElement().satisfies(w -> {
            assertThat(w.node()).isEqualTo("b");
            assertThat(w.micros()).isEqualTo(5_000);
            assertThat(w.detail()).startsWith("adverts lost on the wire: 5.000 s without an advert of a, 4 sent");
        });
        assertThat(twoMasters(adverts(A, 150, 5 * S), adverts(A, 150, 5 * S), 100)).singleElement()
                .satisfies(w -> assertThat(w.detail()).startsWith("adverts not sent"));
        assertThat(twoMasters(adverts(A, 50, 9 * S), sent, 100)).singleElement()
                .satisfies(w -> assertThat(w.detail()).isEqualTo("preemption: priority 100 over the 50 a advertised"));
        assertThat(twoMasters(adverts(A, 150, 9 * S), sent, 100)).singleElement()
                .satisfies(w -> assertThat(w.detail()).startsWith("unexplained"));
    }

    @Test
    void theNewcomersFirstAdvertDatesItsTransitionBeforeItsNotifyScriptRan() {
        List<AdvertCapture.Advert> sent = adverts(A, 150, 5 * S, 6 * S, 7 * S, 8 * S, 9 * S, 10 * S - 2_000);
        // b sent its first advert as MASTER 13 ms before its script reported it; a answered at once
        List<AdvertCapture.Advert> heard = new java.util.ArrayList<>(adverts(A, 150, 5 * S, 10 * S - 2_000));
        heard.add(new AdvertCapture.Advert(10 * S - 13_000, B, 51, 100));
        assertThat(twoMasters(heard, sent, 100)).singleElement()
                .satisfies(w -> assertThat(w.detail()).startsWith("adverts lost on the wire: 4.987 s"));
    }

    @Test
    void observerLinesAreParsedWithTheirOwnTimestamps() {
        assertThat(AddressWatch.parse("[2026-12-07T04:24:27.398332] Deleted 3: eth0    inet 10.9.0.100/24 scope global"
                + " secondary eth0")).isEqualTo(new AddressWatch.Change(1_796_617_467_398_332L, "eth0", "10.9.0.100", false));
        assertThat(AddressWatch.parse("[2026-12-07T04:24:22.228154] 2: peth0    inet6 fe80::2431/64 scope link")).isNull();
        assertThat(AdvertCapture.parse("1796617540.922108 IP 10.9.0.1 > 224.0.0.18: VRRPv2, Advertisement, vrid 51,"
                + " prio 150, authtype none, intvl 1s, length 20"))
                .isEqualTo(new AdvertCapture.Advert(1_796_617_540_922_108L, "10.9.0.1", 51, 150));
    }
}
