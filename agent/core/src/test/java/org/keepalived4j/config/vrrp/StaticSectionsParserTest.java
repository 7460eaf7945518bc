package org.keepalived4j.config.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keepalived4j.config.ConfigResult;
import org.keepalived4j.config.Parsing;
import org.keepalived4j.config.RouteConfig;
import org.keepalived4j.config.RuleConfig;

class StaticSectionsParserTest {

    @Test
    void staticAddressesDefaultToTheDefaultInterface() {
        ConfigResult r = Parsing.parse("static_ipaddress {\n 192.168.1.1/24 scope global\n}\n");
        assertThat(r.clean()).isTrue();
        assertThat(r.config().statics().addresses().get(0).device()).isEqualTo("eth0");
    }

    @Test
    void routesWithoutDeviceAreNotTracked() {
        ConfigResult r = Parsing.parse("static_routes {\n 10.1.0.0/16 via 10.0.0.1\n 10.2.0.0/16 via 10.0.0.1 dev eth1\n}\n");
        assertThat(Parsing.lines(r)).containsExactly(
                "2 WARNING cannot track route 10.1.0.0/16 with no interface specified, not tracking");
        assertThat(r.config().statics().routes()).extracting(RouteConfig::noTrack).containsExactly(true, false);
    }

    @Test
    void reportsDeprecatedGwAndOrSpellings() {
        ConfigResult r = Parsing.parse("static_routes {\n 10.1.0.0/16 gw 10.0.0.1 or 10.0.0.2 dev eth0\n}\n");
        assertThat(Parsing.lines(r)).containsExactly("2 WARNING \"gw\" for routes is deprecated. Please use \"via\"",
                "2 WARNING \"or\" for routes is deprecated. Please use \"nexthop\"");
    }

    @Test
    void rejectsRoutesWithoutDestinationOrWithBadAddresses() {
        ConfigResult r = Parsing.parse("static_routes {\n via 10.0.0.1 dev eth0\n 10.0.0.0/8 via 10.0.0.300 dev eth0\n}\n");
        assertThat(Parsing.lines(r)).containsExactly("2 ERROR Route must have a destination",
                "3 ERROR invalid route via address 10.0.0.300");
        assertThat(r.config().statics().routes()).isEmpty();
    }

    @Test
    void assignsPreferencesCountingDownForRulesWithoutOne() {
        ConfigResult r = Parsing.parse("static_rules {\n from 10.0.0.0/8 table 1\n to 10.0.0.0/8 table 2\n"
                + " from 10.1.0.0/16 table 3 preference 100\n}\n");
        assertThat(Parsing.lines(r)).containsExactly(
                "2 WARNING Rule has no preference specified - setting to 16384. This is probably not what you want.",
                "3 WARNING Rule has no preference specified - setting to 16383. This is probably not what you want.");
        assertThat(r.config().statics().rules()).extracting(RuleConfig::preference).containsExactly(16384, 16383, 100);
    }

    @Test
    void rejectsInvalidAddresses() {
        ConfigResult r = Parsing.parse("static_ipaddress {\n 192.168.1.300/24 dev eth0\n 10.0.0.1/40 dev eth0\n}\n");
        assertThat(Parsing.lines(r)).containsExactly("2 ERROR VRRP parsed invalid IP 192.168.1.300/24. skipping IP...",
                "3 ERROR number '40' outside range [0, 32] - Invalid address prefix len 40 for address 10.0.0.1/40"
                        + " - using 32");
    }

    @Test
    void readsLinkbeatAndUpDownDelays() {
        ConfigResult r = Parsing.parse("linkbeat_interfaces {\n eth1 ETHTOOL\n}\ninterface_up_down_delays {\n"
                + " eth1 0.5 2\n}\n");
        assertThat(r.clean()).isTrue();
        assertThat(r.config().linkbeatInterfaces().get(0).pollType()).isEqualTo("ETHTOOL");
        assertThat(r.config().interfaceDelays().get(0).downDelayMicros()).isEqualTo(500_000);
        assertThat(r.config().interfaceDelays().get(0).upDelayMicros()).isEqualTo(2_000_000);
    }

    @Test
    void trackGroupsKeepOnlyKnownInstances() {
        ConfigResult r = Parsing.parse("track_group TG {\n group {\n VI_1\n VI_X\n }\n}\nstatic_routes {\n"
                + " 10.9.0.0/16 dev eth1 track_group TG\n}\nvrrp_instance VI_1 {\n interface eth0\n"
                + " virtual_router_id 1\n virtual_ipaddress {\n 10.0.0.1\n }\n}\n");
        assertThat(r.clean()).isTrue();
        assertThat(r.config().staticTrackGroups().get(0).instances()).containsExactly("VI_1");
        assertThat(r.config().staticTrackGroups().get(0).trackedEntries()).hasSize(1);
    }
}
