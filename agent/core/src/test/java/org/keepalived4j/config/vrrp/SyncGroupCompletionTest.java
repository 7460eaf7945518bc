package org.keepalived4j.config.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keepalived4j.config.ConfigResult;
import org.keepalived4j.config.Parsing;
import org.keepalived4j.config.VrrpInstanceConfig;

class SyncGroupCompletionTest {

    private static String instance(String name, int vrid, String extra) {
        return "vrrp_instance " + name + " {\n interface eth0\n virtual_router_id " + vrid + "\n" + extra
                + " virtual_ipaddress {\n 10.0.0." + vrid + "\n }\n}\n";
    }

    @Test
    void dropsUnknownMembersAndWarnsAboutSingleMemberGroups() {
        ConfigResult r = Parsing.parse("vrrp_sync_group G {\n group {\n VI_1\n VI_X\n }\n}\n" + instance("VI_1", 1, ""));
        assertThat(Parsing.lines(r)).containsExactly(
                "1 ERROR Virtual router VI_X specified in sync group G doesn't exist - ignoring",
                "1 ERROR Sync group G has only 1 virtual router(s) - this probably isn't what you want");
        assertThat(r.config().syncGroups().get(0).members()).containsExactly("VI_1");
    }

    @Test
    void removesGroupsWithoutMembers() {
        ConfigResult r = Parsing.parse("vrrp_sync_group G {\n group {\n NOPE\n }\n}\nvrrp_sync_group E {\n}\n"
                + instance("VI_1", 1, ""));
        assertThat(Parsing.lines(r)).containsExactly(
                "1 ERROR Virtual router NOPE specified in sync group G doesn't exist - ignoring",
                "1 ERROR Sync group G, no matching virtual router found in group declaration - removing",
                "6 ERROR Sync group E has no virtual router(s). removing");
        assertThat(r.config().syncGroups()).isEmpty();
    }

    @Test
    void zeroesMemberInterfaceWeightsAndDropsWeightedScripts() {
        ConfigResult r = Parsing.parse("global_defs {\n enable_script_security\n script_user root\n}\n"
                + "vrrp_script s {\n script /bin/true\n weight 10\n}\n"
                + "vrrp_sync_group G {\n group {\n VI_1\n VI_2\n }\n}\n"
                + instance("VI_1", 1, " track_interface {\n eth1 weight 5\n }\n track_script {\n s\n }\n")
                + instance("VI_2", 2, ""));
        assertThat(Parsing.lines(r)).containsExactly(
                "19 ERROR (VI_1) ignoring eth1 tracked interface weight due to SYNC group",
                "22 ERROR (VI_1) ignoring tracked script s with weights due to SYNC group");
        VrrpInstanceConfig i = r.config().vrrpInstances().get(0);
        assertThat(i.tracking().interfaces().get(0).weight()).isZero();
        assertThat(i.tracking().scripts()).isEmpty();
    }

    @Test
    void keepsWeightsWithSyncGroupTrackingWeight() {
        ConfigResult r = Parsing.parse("vrrp_sync_group G {\n group {\n VI_1\n VI_2\n }\n sync_group_tracking_weight\n}\n"
                + instance("VI_1", 1, " track_interface {\n eth1 weight 5\n }\n") + instance("VI_2", 2, ""));
        assertThat(r.clean()).isTrue();
        assertThat(r.config().vrrpInstances().get(0).tracking().interfaces().get(0).weight()).isEqualTo(5);
    }

    @Test
    void reportsDuplicateVridsOnOneInterface() {
        ConfigResult r = Parsing.parse(instance("A", 5, "") + instance("B", 5, ""));
        assertThat(Parsing.lines(r)).containsExactly("8 ERROR A and B both use VRID 5 with IPv4 on interface eth0");
        assertThat(r.config().vrrpInstances()).isEmpty();
    }
}
