package org.keepalived4j.config.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keepalived4j.config.AuthConfig;
import org.keepalived4j.config.AuthType;
import org.keepalived4j.config.ConfigResult;
import org.keepalived4j.config.Parsing;
import org.keepalived4j.config.RxBufferConfig;
import org.keepalived4j.config.TrackRef;
import org.keepalived4j.config.VrrpInstanceConfig;
import org.keepalived4j.model.VrrpState;

class VrrpInstanceParserTest {

    private static String instance(String body) {
        return "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n" + body
                + "\n    virtual_ipaddress {\n        10.0.0.1/24\n    }\n}\n";
    }

    @Test
    void acceptsAPlainInstanceWithoutComplaint() {
        ConfigResult r = Parsing.parse(instance("    priority 150\n    advert_int 2"));
        assertThat(Parsing.lines(r)).isEmpty();
        VrrpInstanceConfig i = r.config().vrrpInstances().get(0);
        assertThat(i.vrid()).isEqualTo(51);
        assertThat(i.priority()).isEqualTo(150);
        assertThat(i.advertIntervalMicros()).isEqualTo(2_000_000);
        assertThat(i.initialState()).isEqualTo(VrrpState.BACKUP);
        assertThat(i.version()).isEqualTo(2);
        assertThat(i.vips().get(0).address().toString()).isEqualTo("10.0.0.1/24");
    }

    @Test
    void rejectsVridOutsideOneTo255() {
        ConfigResult r = Parsing.parse("vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 256\n}\n");
        assertThat(Parsing.lines(r)).contains("3 ERROR (VI_1) VRID '256' not valid - must be between 1 & 255"
                + " - number '256' outside range [1, 255]", "1 ERROR (VI_1) the virtual router id must be set");
        assertThat(r.clean()).isFalse();
    }

    @Test
    void fallsBackToPriority100WhenOutOfRange() {
        ConfigResult r = Parsing.parse(instance("    priority 0"));
        assertThat(Parsing.lines(r)).anyMatch(l -> l.startsWith("4 ERROR (VI_1) Priority not valid!"));
        assertThat(r.config().vrrpInstances().get(0).priority()).isEqualTo(100);
    }

    @Test
    void stateMasterWithoutPriorityBecomesAddressOwner() {
        ConfigResult r = Parsing.parse(instance("    state MASTER"));
        assertThat(r.config().vrrpInstances().get(0).priority()).isEqualTo(255);
        assertThat(r.clean()).isTrue();
    }

    @Test
    void roundsFractionalAdvertIntervalToWholeSecondsForVersion2() {
        ConfigResult r = Parsing.parse(instance("    advert_int 1.5"));
        assertThat(Parsing.lines(r)).containsExactly(
                "1 WARNING (VI_1) VRRPv2 advertisement interval 1.500000s must be an integer. rounding");
        assertThat(r.config().vrrpInstances().get(0).advertIntervalMicros()).isEqualTo(2_000_000);
    }

    @Test
    void roundsVersion3AdvertIntervalToCentiseconds() {
        ConfigResult r = Parsing.parse(instance("    version 3\n    advert_int 0.125"));
        assertThat(Parsing.lines(r)).containsExactly(
                "1 WARNING (VI_1) VRRPv3 advertisement interval 0.125000s must be in units of 10ms - rounding");
        assertThat(r.config().vrrpInstances().get(0).advertIntervalMicros()).isEqualTo(130_000);
    }

    @Test
    void rejectsAdvertIntervalBelowTenMilliseconds() {
        ConfigResult r = Parsing.parse(instance("    advert_int 0.001"));
        assertThat(Parsing.lines(r)).anyMatch(l -> l.contains("Advert interval (0.001) not valid!")
                && l.contains("outside range [0.010000, 255.000000]"));
        assertThat(r.config().vrrpInstances().get(0).advertIntervalMicros()).isEqualTo(1_000_000);
    }

    @Test
    void truncatesAuthPassToEightCharactersWithoutEchoingIt() {
        ConfigResult r = Parsing.parse(instance("    authentication {\n auth_type PASS\n auth_pass sup3rs3cretpw\n }"));
        assertThat(Parsing.lines(r)).containsExactly("6 WARNING (VI_1) Truncating auth_pass to 8 characters");
        assertThat(r.diagnostics().toString()).doesNotContain("sup3rs3c");
        assertThat(r.config().vrrpInstances().get(0).auth().password()).isEqualTo("sup3rs3c");
    }

    @Test
    void clearsMasterStateWithAhAuthentication() {
        ConfigResult r = Parsing.parse(instance("    state MASTER\n    priority 100\n    authentication {\n"
                + " auth_type AH\n auth_pass secret\n }"));
        assertThat(Parsing.lines(r)).containsExactly(
                "1 WARNING (VI_1) Initial state master is incompatible with AH authentication - clearing",
                "1 ERROR (VI_1) auth_type AH (IPsec-AH) is not supported by keepalived4j - this instance will not run;"
                        + " use auth_type PASS or no authentication");
        VrrpInstanceConfig i = r.config().vrrpInstances().get(0);
        assertThat(i.auth().type()).isEqualTo(AuthType.AH);
        assertThat(i.initialState()).isEqualTo(VrrpState.BACKUP);
    }

    @Test
    void clearsNopreemptAndPreemptDelayWithStateMaster() {
        ConfigResult r = Parsing.parse(instance("    state MASTER\n    priority 100\n    nopreempt\n"
                + "    preempt_delay 10"));
        assertThat(Parsing.lines(r)).containsExactly(
                "1 WARNING (VI_1) nopreempt will not work with initial state MASTER - clearing",
                "1 WARNING (VI_1) preempt delay will not work with initial state MASTER - clearing");
        assertThat(r.config().vrrpInstances().get(0).preempt()).isTrue();
    }

    @Test
    void ignoresTrackingOfItsOwnInterface() {
        ConfigResult r = Parsing.parse(instance("    track_interface {\n eth0\n eth1 weight 10\n }"));
        assertThat(Parsing.lines(r)).containsExactly("1 WARNING (VI_1) Ignoring track_interface eth0 since own interface");
        assertThat(r.config().vrrpInstances().get(0).tracking().interfaces()).extracting(TrackRef::name)
                .containsExactly("eth1");
    }

    @Test
    void refusesTheConfigurationWhenTheInterfaceDoesNotExist() {
        ConfigResult r = Parsing.parse(instance("").replace("eth0", "eth9"));
        assertThat(Parsing.lines(r)).containsExactly(
                "2 ERROR WARNING - interface eth9 for vrrp_instance VI_1 doesn't exist",
                "- ERROR Non-existent interface specified in configuration");
        assertThat(r.config().vrrpInstances()).isEmpty();
    }

    @Test
    void ipv6AddressesMeanVersion3() {
        ConfigResult r = Parsing.parse("vrrp_instance V6 {\n interface eth0\n virtual_router_id 7\n"
                + " virtual_ipaddress {\n fe80::10\n }\n}\n");
        assertThat(r.clean()).isTrue();
        assertThat(r.config().vrrpInstances().get(0).version()).isEqualTo(3);
        assertThat(r.config().vrrpInstances().get(0).ipv6()).isTrue();
    }

    @Test
    void dropsAddressesOfTheOtherFamily() {
        ConfigResult r = Parsing.parse("vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 7\n"
                + " virtual_ipaddress {\n 10.0.0.1\n 2001:db8::1\n }\n}\n");
        assertThat(Parsing.lines(r)).containsExactly(
                "6 ERROR (VI_1) address family must match VRRP instance [2001:db8::1] - ignoring");
    }

    @Test
    void warnsAboutUnknownKeywords() {
        ConfigResult r = Parsing.parse(instance("    frobnicate 3"));
        assertThat(Parsing.lines(r)).containsExactly("4 WARNING Unknown keyword 'frobnicate'");
    }

    @Test
    void abortsAtAKeywordMissingItsParameter() {
        ConfigResult r = Parsing.parse(instance("    priority"));
        assertThat(r.fatal()).isTrue();
        assertThat(Parsing.lines(r)).containsExactly("4 FATAL *** Configuration line starting `priority` is missing a"
                + " parameter after keyword `priority` at word position 2");
    }

    @Test
    void resetsUnicastTtlWithoutPeers() {
        ConfigResult r = Parsing.parse(instance("    unicast_ttl 5"));
        // at the instance's closing brace, where keepalived checks it
        assertThat(Parsing.lines(r)).contains("8 ERROR (VI_1) Cannot use unicast_ttl without unicast peers - resetting");
    }

    @Test
    void strictModeForbidsAuthentication() {
        ConfigResult r = Parsing.parse("global_defs {\n vrrp_strict\n}\n" + instance("    authentication {\n"
                + " auth_type PASS\n auth_pass x\n }"));
        assertThat(Parsing.lines(r)).contains("4 ERROR (VI_1) Strict mode does not support authentication. Ignoring.");
        assertThat(r.config().vrrpInstances().get(0).auth()).isEqualTo(AuthConfig.NONE);
    }

    private static RxBufferConfig rxBuffer(String config) {
        ConfigResult r = Parsing.parse(config);
        assertThat(Parsing.lines(r)).isEmpty();
        return r.config().vrrpInstances().get(0).transport().rxBuffer();
    }

    @Test
    void receiveBufferIsLeftToTheDaemonWhenNothingIsConfigured() {
        RxBufferConfig rx = rxBuffer(instance(""));
        assertThat(rx).isEqualTo(RxBufferConfig.NONE);
        assertThat(rx.bytes(20, 1500)).isZero();
    }

    @Test
    void kernelRxBufSizeIsTheInstancesShareAndWinsOverTheGlobalPolicy() {
        RxBufferConfig rx = rxBuffer("global_defs {\n    vrrp_rx_bufs_policy MTU\n}\n"
                + instance("    kernel_rx_buf_size 300000"));
        assertThat(rx).isEqualTo(new RxBufferConfig(RxBufferConfig.Kind.SIZE, 300_000));
        assertThat(rx.bytes(20, 1500)).isEqualTo(300_000);
    }

    @Test
    void globalPolicySizesEveryInstanceWithoutItsOwn() {
        assertThat(rxBuffer("global_defs {\n    vrrp_rx_bufs_policy 65536\n}\n" + instance("")).bytes(20, 1500))
                .isEqualTo(65_536);
        assertThat(rxBuffer("global_defs {\n    vrrp_rx_bufs_policy ADVERT\n}\n" + instance("")).bytes(20, 1500))
                .as("3 adverts by default").isEqualTo(60);
        assertThat(rxBuffer("global_defs {\n    vrrp_rx_bufs_policy MTU\n    vrrp_rx_bufs_multiplier 10\n}\n"
                + instance("")).bytes(20, 9000)).isEqualTo(90_000);
    }

    @Test
    void conflictingPoliciesKeepWhatKeepalivedKeeps() {
        ConfigResult sizeAndMtu = Parsing.parse("global_defs {\n    vrrp_rx_bufs_policy MTU 4096\n}\n" + instance(""));
        assertThat(Parsing.lines(sizeAndMtu)).anyMatch(l -> l.contains("ignoring policy"));
        assertThat(sizeAndMtu.config().vrrpInstances().get(0).transport().rxBuffer())
                .isEqualTo(new RxBufferConfig(RxBufferConfig.Kind.SIZE, 4096));
        ConfigResult mtuAndAdvert = Parsing.parse("global_defs {\n    vrrp_rx_bufs_policy ADVERT MTU\n}\n"
                + instance(""));
        assertThat(Parsing.lines(mtuAndAdvert)).anyMatch(l -> l.contains("ignoring ADVERT"));
        assertThat(mtuAndAdvert.config().vrrpInstances().get(0).transport().rxBuffer().kind())
                .isEqualTo(RxBufferConfig.Kind.MTU);
    }

    @Test
    void kernelRxBufSizeOfZeroMeansNotGiven() {
        assertThat(rxBuffer(instance("    kernel_rx_buf_size 0"))).isEqualTo(RxBufferConfig.NONE);
    }
}
