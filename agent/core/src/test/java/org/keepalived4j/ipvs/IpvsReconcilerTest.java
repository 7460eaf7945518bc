package org.keepalived4j.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keepalived4j.ipvs.IpvsMessageCodecTest.address;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalived4j.linux.Errno;

class IpvsReconcilerTest {

    private static final IpvsServiceKey WEB = IpvsServiceKey.of(IpvsServiceKey.TCP, address("192.168.1.10"), 80);
    private static final IpvsServiceKey DNS = IpvsServiceKey.of(IpvsServiceKey.UDP, address("2001:db8::10"), 53);
    private static final IpvsServiceKey MARK = IpvsServiceKey.fwmark(false, 7);
    private static final IpvsServiceKey FOREIGN = IpvsServiceKey.of(IpvsServiceKey.TCP, address("192.168.1.99"), 25);

    private static final IpvsService WEB_RR = new IpvsService(WEB, "rr", 0, 0, 0);
    private static final IpvsService DNS_WLC = new IpvsService(DNS, "wlc", IpvsService.ONE_PACKET, 0, 0);
    private static final IpvsService MARK_SH = new IpvsService(MARK, "sh", IpvsService.SCHED_FLAG_2, 300, 0xffffff00);
    private static final IpvsService FOREIGN_LC = new IpvsService(FOREIGN, "lc", 0, 0, 0);

    private static final IpvsDestination RS1 = nat("10.0.0.1", 3);
    private static final IpvsDestination RS2 = nat("10.0.0.2", 1);
    private static final IpvsDestination RS3 = nat("10.0.0.3", 1);
    private static final IpvsDestination DNS1 = new IpvsDestination(address("2001:db8::53"), 53,
            IpvsDestination.DIRECT_ROUTE, 1, 0, 0);

    private final InMemoryIpvsClient kernel = new InMemoryIpvsClient(true);

    @Test
    void startupProgramsEverythingIntoAnEmptyTable() {
        IpvsReconcileResult result = reconciler().reconcile(config());
        assertThat(result.converged()).isTrue();
        assertThat(kernel.operations()).containsExactly(
                "add service TCP 192.168.1.10:80", "add destination 10.0.0.1:80 w3 to TCP 192.168.1.10:80",
                "add destination 10.0.0.2:80 w1 to TCP 192.168.1.10:80",
                "add service UDP [2001:db8::10]:53", "add destination [2001:db8::53]:53 w1 to UDP [2001:db8::10]:53",
                "add service FWM 7 (inet)");
        assertThat(result).extracting(IpvsReconcileResult::servicesAdded, IpvsReconcileResult::destinationsAdded)
                .containsExactly(3, 3);
        assertThat(kernel.destinationsOf(WEB)).containsExactly(RS1, RS2);
    }

    @Test
    void aSecondPassWithTheSameStateChangesNothing() {
        IpvsReconciler reconciler = reconciler();
        reconciler.reconcile(config());
        kernel.clearOperations();
        IpvsReconcileResult again = reconciler.reconcile(config());
        assertThat(again.converged()).isTrue();
        assertThat(again.changes()).isZero();
        assertThat(kernel.operations()).isEmpty();
    }

    @Test
    void startupTakesOverMatchingKernelStateUntouched() {
        kernel.existing(WEB_RR, RS2, RS1).existing(DNS_WLC, DNS1).existing(MARK_SH);
        IpvsReconciler reconciler = reconciler();
        IpvsReconcileResult result = reconciler.reconcile(config());
        assertThat(result.converged()).isTrue();
        assertThat(kernel.operations()).isEmpty();
        assertThat(reconciler.ownedServices()).containsExactlyInAnyOrder(WEB, DNS, MARK);
    }

    @Test
    void startupRepairsWhatDiffersInPlace() {
        kernel.existing(new IpvsService(WEB, "wlc", 0, 0, 0), nat("10.0.0.1", 9), nat("10.0.0.8", 1));
        reconciler().reconcile(config());
        assertThat(kernel.operations()).startsWith(
                "update service TCP 192.168.1.10:80",
                "add destination 10.0.0.2:80 w1 to TCP 192.168.1.10:80",
                "update destination 10.0.0.1:80 w3 of TCP 192.168.1.10:80",
                "delete destination 10.0.0.8:80 from TCP 192.168.1.10:80");
        assertThat(kernel.table().get(WEB)).isEqualTo(WEB_RR);
        assertThat(kernel.destinationsOf(WEB)).containsExactlyInAnyOrder(RS1, RS2);
    }

    @Test
    void withoutLvsFlushForeignServicesAreKept() {
        kernel.existing(FOREIGN_LC, nat("10.9.9.9", 1));
        IpvsReconciler reconciler = reconciler();
        reconciler.reconcile(config());
        assertThat(kernel.table()).containsKey(FOREIGN);
        assertThat(kernel.destinationsOf(FOREIGN)).hasSize(1);
        assertThat(reconciler.ownedServices()).doesNotContain(FOREIGN);
        reconciler.reconcile(IpvsDesiredState.empty());
        assertThat(kernel.table()).containsOnlyKeys(FOREIGN);
    }

    @Test
    void lvsFlushEmptiesTheWholeTableWithOneCommandBeforeTheFirstPass() {
        kernel.existing(FOREIGN_LC, nat("10.9.9.9", 1)).existing(WEB_RR, RS1, RS2);
        IpvsReconciler reconciler = reconciler();
        assertThat(reconciler.flush().converged()).isTrue();
        reconciler.reconcile(config());
        assertThat(kernel.operations()).containsExactly("flush",
                "add service TCP 192.168.1.10:80", "add destination 10.0.0.1:80 w3 to TCP 192.168.1.10:80",
                "add destination 10.0.0.2:80 w1 to TCP 192.168.1.10:80",
                "add service UDP [2001:db8::10]:53", "add destination [2001:db8::53]:53 w1 to UDP [2001:db8::10]:53",
                "add service FWM 7 (inet)");
        assertThat(kernel.table()).containsOnlyKeys(WEB, DNS, MARK);
    }

    @Test
    void anUnchangedServiceCostsNoReadOfItsDestinations() {
        IpvsReconciler reconciler = reconciler();
        reconciler.reconcile(config());
        int before = kernel.calls();
        reconciler.reconcile(config());
        assertThat(kernel.calls() - before).as("only the service list is read").isEqualTo(1);
    }

    @Test
    void aServiceRemovedBehindItsBackIsProgrammedAgain() throws IpvsException {
        IpvsReconciler reconciler = reconciler();
        reconciler.reconcile(config());
        kernel.deleteService(WEB);
        kernel.clearOperations();
        reconciler.reconcile(config());
        assertThat(kernel.operations()).containsExactly("add service TCP 192.168.1.10:80",
                "add destination 10.0.0.1:80 w3 to TCP 192.168.1.10:80",
                "add destination 10.0.0.2:80 w1 to TCP 192.168.1.10:80");
    }

    @Test
    void reloadRemovesServicesDroppedFromTheConfigurationOnly() {
        kernel.existing(FOREIGN_LC);
        IpvsReconciler reconciler = reconciler();
        reconciler.reconcile(config());
        kernel.clearOperations();
        IpvsDesiredState reloaded = IpvsDesiredState.builder()
                .service(WEB_RR).destination(WEB, RS1).destination(WEB, RS2)
                .service(MARK_SH)
                .build();
        IpvsReconcileResult result = reconciler.reconcile(reloaded);
        assertThat(kernel.operations()).containsExactly("delete service UDP [2001:db8::10]:53");
        assertThat(result.servicesRemoved()).isEqualTo(1);
        assertThat(kernel.table()).containsOnlyKeys(FOREIGN, WEB, MARK);
        assertThat(reconciler.ownedServices()).containsExactlyInAnyOrder(WEB, MARK);
    }

    @Test
    void reloadChangesOnlyWhatChanged() {
        IpvsReconciler reconciler = reconciler();
        reconciler.reconcile(config());
        kernel.clearOperations();
        IpvsDesiredState reloaded = IpvsDesiredState.builder()
                .service(new IpvsService(WEB, "wrr", 0, 0, 0)).destination(WEB, RS1).destination(WEB, nat("10.0.0.2", 5))
                .service(DNS_WLC).destination(DNS, DNS1)
                .service(MARK_SH).destination(MARK, RS3)
                .build();
        reconciler.reconcile(reloaded);
        assertThat(kernel.operations()).containsExactly(
                "update service TCP 192.168.1.10:80",
                "update destination 10.0.0.2:80 w5 of TCP 192.168.1.10:80",
                "add destination 10.0.0.3:80 w1 to FWM 7 (inet)");
    }

    @Test
    void aReplacedRealServerIsAddedBeforeTheOldOneIsRemoved() {
        IpvsReconciler reconciler = reconciler();
        reconciler.reconcile(config());
        kernel.clearOperations();
        reconciler.reconcile(IpvsDesiredState.builder()
                .service(WEB_RR).destination(WEB, RS1).destination(WEB, RS3)
                .service(DNS_WLC).destination(DNS, DNS1).service(MARK_SH).build());
        assertThat(kernel.operations()).containsExactly(
                "add destination 10.0.0.3:80 w1 to TCP 192.168.1.10:80",
                "delete destination 10.0.0.2:80 from TCP 192.168.1.10:80");
    }

    @Test
    void aNewWeightIsOneUpdateAndNothingElse() {
        IpvsReconciler reconciler = reconciler();
        reconciler.reconcile(web(RS1, RS2));
        kernel.clearOperations();
        reconciler.reconcile(web(RS1, RS2.withWeight(0)));
        assertThat(kernel.operations()).containsExactly("update destination 10.0.0.2:80 w0 of TCP 192.168.1.10:80");
        kernel.clearOperations();
        reconciler.reconcile(web(RS1, RS2));
        assertThat(kernel.operations()).containsExactly("update destination 10.0.0.2:80 w1 of TCP 192.168.1.10:80");
    }

    @Test
    void aServerLeavingTheListIsDeletedAndOneComingBackIsAdded() {
        IpvsReconciler reconciler = reconciler();
        reconciler.reconcile(web(RS1, RS2));
        kernel.clearOperations();
        reconciler.reconcile(web(RS1));
        assertThat(kernel.operations()).containsExactly("delete destination 10.0.0.2:80 from TCP 192.168.1.10:80");
        kernel.clearOperations();
        reconciler.reconcile(web(RS1, RS2));
        assertThat(kernel.operations()).containsExactly("add destination 10.0.0.2:80 w1 to TCP 192.168.1.10:80");
    }

    @Test
    void aRefusedOperationIsReportedTheRestAppliedAndRetriedNextPass() {
        kernel.refuseNext("add destination 10.0.0.1", 12);
        IpvsReconciler reconciler = reconciler();
        IpvsReconcileResult first = reconciler.reconcile(config());
        assertThat(first.converged()).isFalse();
        assertThat(first.failures()).singleElement().asString()
                .contains("TCP 192.168.1.10:80", "ENOMEM");
        assertThat(first.destinationsAdded()).isEqualTo(2);
        assertThat(kernel.destinationsOf(WEB)).containsExactly(RS2);
        kernel.clearOperations();
        IpvsReconcileResult second = reconciler.reconcile(config());
        assertThat(second.converged()).isTrue();
        assertThat(kernel.operations()).containsExactly("add destination 10.0.0.1:80 w3 to TCP 192.168.1.10:80");
    }

    @Test
    void aServiceThatCannotBeAddedHasItsDestinationsSkippedUntilTheNextPass() {
        kernel.refuseNext("add service TCP", 22);
        IpvsReconciler reconciler = reconciler();
        IpvsReconcileResult first = reconciler.reconcile(config());
        assertThat(first.failures()).hasSize(1);
        assertThat(kernel.table()).containsOnlyKeys(DNS, MARK);
        IpvsReconcileResult second = reconciler.reconcile(config());
        assertThat(second.converged()).isTrue();
        assertThat(kernel.destinationsOf(WEB)).containsExactly(RS1, RS2);
    }

    @Test
    void anUnreadableTableIsReportedWithoutThrowingAndTheNextPassProgramsIt() {
        kernel.existing(FOREIGN_LC);
        kernel.refuseNext("list services", 1);
        IpvsReconciler reconciler = reconciler();
        IpvsReconcileResult first = reconciler.reconcile(config());
        assertThat(first.converged()).isFalse();
        assertThat(first.failures()).singleElement().asString().contains("EPERM");
        assertThat(kernel.operations()).isEmpty();
        assertThat(reconciler.reconcile(config()).converged()).isTrue();
        assertThat(kernel.table()).containsOnlyKeys(FOREIGN, WEB, DNS, MARK);
    }

    @Test
    void anUnreadableDestinationListSkipsOnlyThatService() {
        kernel.existing(WEB_RR);
        kernel.refuseNext("list destinations TCP", 5);
        IpvsReconcileResult result = reconciler().reconcile(config());
        assertThat(result.failures()).hasSize(1);
        assertThat(kernel.destinationsOf(WEB)).isEmpty();
        assertThat(kernel.destinationsOf(DNS)).containsExactly(DNS1);
    }

    @Test
    void aServiceWhoseRemovalFailedStaysOwnedAndIsRemovedLater() {
        IpvsReconciler reconciler = reconciler();
        reconciler.reconcile(config());
        IpvsDesiredState withoutDns = IpvsDesiredState.builder()
                .service(WEB_RR).destination(WEB, RS1).destination(WEB, RS2).service(MARK_SH).build();
        kernel.refuseNext("delete service UDP", 16);
        assertThat(reconciler.reconcile(withoutDns).converged()).isFalse();
        assertThat(reconciler.ownedServices()).contains(DNS);
        assertThat(reconciler.reconcile(withoutDns).servicesRemoved()).isEqualTo(1);
        assertThat(kernel.table()).doesNotContainKey(DNS);
        assertThat(reconciler.ownedServices()).doesNotContain(DNS);
    }

    @Test
    void aServiceAlreadyGoneIsNotAnError() {
        IpvsReconciler reconciler = reconciler();
        reconciler.reconcile(config());
        kernel.refuseNext("delete service", Errno.ESRCH);
        IpvsReconcileResult result = reconciler.shutdown(IpvsRelease.SERVICES);
        assertThat(result.failures()).isEmpty();
    }

    @Test
    void anUnexpectedFailureInsideTheClientIsContained() {
        IpvsClient broken = new InMemoryIpvsClient(true) {
            @Override
            public List<IpvsService> services() {
                throw new IllegalStateException("socket gone");
            }
        };
        IpvsReconcileResult result = new IpvsReconciler(broken).reconcile(config());
        assertThat(result.converged()).isFalse();
        assertThat(result.failures()).singleElement().asString().contains("socket gone");
    }

    @Test
    void withoutIpvsTheKernelIsNeverCalled() {
        InMemoryIpvsClient none = new InMemoryIpvsClient(false);
        IpvsReconciler reconciler = new IpvsReconciler(none);
        assertThat(reconciler.flush().applied()).isFalse();
        IpvsReconcileResult result = reconciler.reconcile(config());
        assertThat(result.applied()).isFalse();
        assertThat(result.converged()).isFalse();
        assertThat(reconciler.shutdown(IpvsRelease.WHOLE_TABLE).applied()).isFalse();
        assertThat(none.calls()).isZero();
    }

    @Test
    void stopRemovesEachRealServerThenEachOwnedServiceAndLeavesForeignOnes() {
        kernel.existing(FOREIGN_LC, nat("10.9.9.9", 1));
        IpvsReconciler reconciler = reconciler();
        reconciler.reconcile(config());
        kernel.clearOperations();
        IpvsReconcileResult result = reconciler.shutdown(IpvsRelease.SERVERS_AND_SERVICES);
        assertThat(kernel.operations()).containsExactly(
                "delete destination 10.0.0.1:80 from TCP 192.168.1.10:80",
                "delete destination 10.0.0.2:80 from TCP 192.168.1.10:80", "delete service TCP 192.168.1.10:80",
                "delete destination [2001:db8::53]:53 from UDP [2001:db8::10]:53", "delete service UDP [2001:db8::10]:53",
                "delete service FWM 7 (inet)");
        assertThat(result.converged()).isTrue();
        assertThat(kernel.table()).containsOnlyKeys(FOREIGN);
        assertThat(kernel.destinationsOf(FOREIGN)).hasSize(1);
        assertThat(reconciler.ownedServices()).isEmpty();
    }

    @Test
    void stopWithLvsFlushOnStopVsRemovesOnlyTheOwnedServices() {
        kernel.existing(FOREIGN_LC);
        IpvsReconciler reconciler = reconciler();
        reconciler.reconcile(config());
        kernel.clearOperations();
        IpvsReconcileResult result = reconciler.shutdown(IpvsRelease.SERVICES);
        assertThat(result.servicesRemoved()).isEqualTo(3);
        assertThat(kernel.operations()).containsExactly("delete service TCP 192.168.1.10:80",
                "delete service UDP [2001:db8::10]:53", "delete service FWM 7 (inet)");
        assertThat(kernel.table()).containsOnlyKeys(FOREIGN);
    }

    @Test
    void stopWithLvsFlushOnStopFlushesTheWholeTable() {
        kernel.existing(FOREIGN_LC);
        IpvsReconciler reconciler = reconciler();
        reconciler.reconcile(config());
        kernel.clearOperations();
        assertThat(reconciler.shutdown(IpvsRelease.WHOLE_TABLE).converged()).isTrue();
        assertThat(kernel.operations()).containsExactly("flush");
        assertThat(kernel.table()).isEmpty();
    }

    @Test
    void stopWithDontReleaseIpvsLeavesTheTable() {
        IpvsReconciler reconciler = reconciler();
        reconciler.reconcile(config());
        int before = kernel.calls();
        reconciler.shutdown(IpvsRelease.KEEP);
        assertThat(kernel.calls()).isEqualTo(before);
        assertThat(kernel.table()).containsOnlyKeys(WEB, DNS, MARK);
    }

    @Test
    void theDesiredStateRejectsARealServerListedTwice() {
        assertThatThrownBy(() -> IpvsDesiredState.builder().service(WEB_RR)
                .destination(WEB, RS1).destination(WEB, nat("10.0.0.1", 7)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.0.0.1:80 appears twice");
    }

    private IpvsReconciler reconciler() {
        return new IpvsReconciler(kernel);
    }

    private static IpvsDesiredState config() {
        return IpvsDesiredState.builder()
                .service(WEB_RR).destination(WEB, RS1).destination(WEB, RS2)
                .service(DNS_WLC).destination(DNS, DNS1)
                .service(MARK_SH)
                .build();
    }

    private static IpvsDesiredState web(IpvsDestination... destinations) {
        IpvsDesiredState.Builder builder = IpvsDesiredState.builder().service(WEB_RR);
        for (IpvsDestination destination : destinations) {
            builder.destination(WEB, destination);
        }
        return builder.build();
    }

    private static IpvsDestination nat(String address, int weight) {
        return new IpvsDestination(address(address), 80, IpvsDestination.MASQUERADE, weight, 0, 0);
    }
}
