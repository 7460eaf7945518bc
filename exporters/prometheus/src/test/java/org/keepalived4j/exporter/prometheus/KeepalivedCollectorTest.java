package org.keepalived4j.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.FakeStateView;
import org.keepalived4j.model.IpvsStats;
import org.keepalived4j.model.LogCapture;
import org.keepalived4j.model.RealServerSnapshot;
import org.keepalived4j.model.SampleStates;
import org.keepalived4j.model.StateSnapshot;
import org.keepalived4j.model.VipSnapshot;
import org.keepalived4j.model.VirtualServerSnapshot;
import org.keepalived4j.model.VrrpInstanceSnapshot;
import org.keepalived4j.model.VrrpState;

class KeepalivedCollectorTest {

    private final FakeStateView view = new FakeStateView(SampleStates.small());

    private String scrape(boolean legacy) throws IOException {
        return GoldenScrapeTest.scrape(new MetricsEndpoint(view, legacy, true, null), false);
    }

    @Test
    void publishesStatePerVirtualAddressWithTheAddressDeviceAsIntf() throws IOException {
        String text = scrape(false);
        assertThat(text).contains(
                "keepalived_vrrp_state{iname=\"VI_1\",intf=\"eth0\",ip_address=\"10.0.51.1/24\",vrid=\"51\"} 2.0",
                "keepalived_vrrp_state{iname=\"VI_1\",intf=\"eth1\",ip_address=\"fd00::33/64\",vrid=\"51\"} 2.0",
                "keepalived_vrrp_state{iname=\"VI_2\",intf=\"eth0\",ip_address=\"10.0.52.1/24\",vrid=\"52\"} 1.0",
                "keepalived_vrrp_excluded_state{iname=\"VI_1\",intf=\"eth0\",ip_address=\"192.168.51.1/32\",vrid=\"51\"} 2.0");
    }

    @Test
    void twoRealServersOnOneAddressAndPortDoNotFailTheScrape() throws IOException {
        // lb_kind DR, real servers on 8081 and 8082: keepalived resets both to the virtual server's port
        String vs = "10.0.0.1:80/tcp";
        List<RealServerSnapshot> twins = List.of(SampleStates.realServer(vs, "10.2.0.1", 80, true),
                SampleStates.realServer(vs, "10.2.0.1", 80, false), SampleStates.realServer(vs, "10.2.0.2", 80, true));
        VirtualServerSnapshot server = new VirtualServerSnapshot(SampleStates.virtualServerSettings(1, vs, "DR", 1,
                null), true, false, false, IpvsStats.NONE, twins);
        view.set(new StateSnapshot(SampleStates.daemon(), List.of(), List.of(), List.of(), List.of(server)));
        MetricsEndpoint endpoint = new MetricsEndpoint(view, true, true, null);
        try (LogCapture log = new LogCapture()) {
            String text = GoldenScrapeTest.scrape(endpoint, false);
            GoldenScrapeTest.scrape(endpoint, true);
            assertThat(text).contains(
                    "keepalived_real_server_up{real_server=\"10.2.0.1:80\",virtual_server=\"10.0.0.1:80/tcp\"} 1.0",
                    "keepalived_real_server_up{real_server=\"10.2.0.2:80\",virtual_server=\"10.0.0.1:80/tcp\"} 1.0");
            assertThat(text.lines().filter(l -> l.startsWith("keepalived_real_server_up{real_server=\"10.2.0.1:80\""))
                    .count()).isEqualTo(1);
            assertThat(log.text().lines().filter(l -> l.contains("real server of 10.0.0.1:80/tcp 10.2.0.1:80"))
                    .count()).as("logged once, not per scrape").isEqualTo(1);
        }
    }

    @Test
    void publishesOneStateSeriesWithEmptyAddressForAnInstanceWithoutVips() throws IOException {
        VrrpInstanceSnapshot bare = withVips(SampleStates.instance("VI_9", 9, VrrpState.FAULT), List.of());
        view.set(new StateSnapshot(SampleStates.daemon(), List.of(bare), List.of(), List.of(), List.of()));
        assertThat(scrape(false))
                .contains("keepalived_vrrp_state{iname=\"VI_9\",intf=\"eth0\",ip_address=\"\",vrid=\"9\"} 3.0");
    }

    @Test
    void duplicateVirtualAddressesDoNotBreakTheScrape() throws IOException {
        VipSnapshot vip = SampleStates.vip("10.0.0.9", 24, "eth0", true);
        VrrpInstanceSnapshot dup = withVips(SampleStates.instance("VI_9", 9, VrrpState.MASTER), List.of(vip, vip));
        view.set(new StateSnapshot(SampleStates.daemon(), List.of(dup), List.of(), List.of(), List.of()));
        assertThat(scrape(true)).containsOnlyOnce(
                "keepalived_vrrp_state{iname=\"VI_9\",intf=\"eth0\",ip_address=\"10.0.0.9/24\",vrid=\"9\"} 2.0");
    }

    @Test
    void publishesKeepalivedCountersWithTheCommonExporterNames() throws IOException {
        String text = scrape(false);
        assertThat(text).contains(
                "# TYPE keepalived_advertisements_received_total counter",
                "keepalived_advertisements_received_total{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\"} 171.0",
                "keepalived_advertisements_sent_total{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\"} 391.0",
                "keepalived_become_master_total{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\"} 2.0",
                "keepalived_release_master_total{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\"} 1.0",
                "keepalived_advertisements_interval_errors_total{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\"} 1.0",
                "keepalived_authentication_failure_total{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\"} 3.0",
                "keepalived_priority_zero_received_total{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\"} 1.0",
                "keepalived_priority_zero_sent_total{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\"} 0.0",
                "keepalived_gratuitous_arp_delay_total{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\"} 5.0",
                "keepalived_vrrp_garp_master_delay_seconds{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\"} 5.0",
                "keepalived_up 1.0");
        for (VrrpCounter c : VrrpCounter.values()) {
            assertThat(text).contains("# TYPE " + c.compatibleName + "_total counter");
        }
    }

    @Test
    void publishesScriptStatusAndState() throws IOException {
        assertThat(scrape(false)).contains(
                "keepalived_script_status{name=\"chk_nginx\"} 1.0",
                "keepalived_script_status{name=\"chk_disk\"} 0.0",
                "keepalived_script_state{name=\"chk_nginx\"} 0.0");
    }

    @Test
    void legacyNamesAreServedOnlyWhenAsked() throws IOException {
        assertThat(scrape(false)).doesNotContain("keepalived_advert_rcvd", "keepalived_check_script_status");
        assertThat(scrape(true)).contains(
                "# TYPE keepalived_advert_rcvd untyped",
                "keepalived_advert_rcvd{iname=\"VI_1\",intf=\"eth0\",state=\"MASTER\",vrid=\"51\"} 171.0",
                "keepalived_garp_delay{iname=\"VI_2\",intf=\"eth0\",state=\"BACKUP\",vrid=\"52\"} 5.0",
                "keepalived_check_script_status{iname=\"VI_1\",intf=\"eth0\",ip_address=\"10.0.51.1/24\",vrid=\"51\"} 1.0");
    }

    @Test
    void vipCheckFailsWhenAnAddressIsInstalledOnABackup() throws IOException {
        VipSnapshot stray = SampleStates.vip("10.0.0.9", 24, "eth0", true);
        VrrpInstanceSnapshot backup = withVips(SampleStates.instance("VI_9", 9, VrrpState.BACKUP), List.of(stray));
        view.set(new StateSnapshot(SampleStates.daemon(), List.of(backup), List.of(), List.of(), List.of()));
        assertThat(scrape(true)).contains(
                "keepalived_check_script_status{iname=\"VI_9\",intf=\"eth0\",ip_address=\"10.0.0.9/24\",vrid=\"9\"} 0.0");
    }

    @Test
    void publishesPrioritiesTransitionsAndTakeoverHistogram() throws IOException {
        assertThat(scrape(false)).contains(
                "keepalived_vrrp_priority{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\"} 150.0",
                "keepalived_vrrp_effective_priority{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\"} 140.0",
                "keepalived_vrrp_last_transition_timestamp_seconds{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\"} 1.71456471E9",
                "keepalived_vrrp_transitions_total{iname=\"VI_1\",intf=\"eth0\",reason=\"master no response\","
                        + "to=\"MASTER\",vrid=\"51\"} 2.0",
                "keepalived_vrrp_master_advert_interval_seconds{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\"} 1.0",
                "keepalived_vrrp_takeover_seconds_bucket{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\",le=\"2.5\"} 1",
                "keepalived_vrrp_takeover_seconds_bucket{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\",le=\"+Inf\"} 2",
                "keepalived_vrrp_takeover_seconds_count{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\"} 2",
                "keepalived_vrrp_takeover_seconds_sum{iname=\"VI_1\",intf=\"eth0\",vrid=\"51\"} 5.4",
                "keepalived_vrrp_tracker_up{iname=\"VI_1\",intf=\"eth0\",kind=\"script\",tracker=\"chk_nginx\",vrid=\"51\"} 1.0",
                "keepalived_sync_group_state{group=\"SG_1\"} 2.0",
                "keepalived4j_build_info{version=\"0.1.0-test\"} 1");
    }

    @Test
    void publishesRealAndVirtualServers() throws IOException {
        assertThat(scrape(false)).contains(
                "keepalived_real_server_up{real_server=\"10.2.0.1:8080\",virtual_server=\"10.0.0.1:80/tcp\"} 0.0",
                "keepalived_real_server_up{real_server=\"10.2.0.2:8080\",virtual_server=\"10.0.0.1:80/tcp\"} 1.0",
                "keepalived_real_server_weight{real_server=\"10.2.0.2:8080\",virtual_server=\"10.0.0.1:80/tcp\"} 10.0",
                "keepalived_real_server_check_failures_total{real_server=\"10.2.0.1:8080\",virtual_server=\"10.0.0.1:80/tcp\"} 17.0",
                "keepalived_real_server_check_duration_seconds_bucket{real_server=\"10.2.0.1:8080\","
                        + "virtual_server=\"10.0.0.1:80/tcp\",le=\"0.01\"} 40",
                "keepalived_real_server_up{real_server=\"[fd00::11]:443\",virtual_server=\"[fd00::10]:443/tcp\"} 1.0",
                "keepalived_virtual_server_real_servers_up{virtual_server=\"10.0.0.1:80/tcp\"} 2.0",
                "keepalived_virtual_server_real_servers{virtual_server=\"10.0.0.1:80/tcp\"} 3.0",
                "keepalived_virtual_server_quorum_met{virtual_server=\"fwmark:7\"} 0.0",
                "keepalived_virtual_server_sorry_server_active{virtual_server=\"fwmark:7\"} 1.0");
    }

    @Test
    void readsTheLiveStateAtEveryScrape() throws IOException {
        assertThat(scrape(false)).contains("iname=\"VI_2\"");
        view.set(new StateSnapshot(SampleStates.daemon(), List.of(), List.of(), List.of(), List.of()));
        assertThat(scrape(false)).doesNotContain("iname=\"VI_2\"")
                .contains("keepalived_up 1.0");
    }

    private static VrrpInstanceSnapshot withVips(VrrpInstanceSnapshot i, List<VipSnapshot> vips) {
        return SampleStates.withVips(i, vips);
    }
}
