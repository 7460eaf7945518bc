package org.keepalived4j.vrrp.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keepalived4j.vrrp.net.TwoNodeLab.address;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keepalived4j.linux.NetlinkException;
import org.keepalived4j.linux.NetnsLab;

class VipInstallerIT {

    private static TwoNodeLab lab;
    private VipInstaller installer;
    private LinkLookup lookup;

    @BeforeAll
    static void createNamespaces() throws Exception {
        lab = TwoNodeLab.create();
    }

    @AfterAll
    static void deleteNamespaces() {
        if (lab != null) {
            lab.close();
        }
    }

    @BeforeEach
    void openNetlink() throws Exception {
        installer = lab.threadB.call(() -> NetlinkVipInstaller.open(TwoNodeLab.NETLINK_TIMEOUT));
        lookup = lab.threadB.call(() -> NetlinkLinkLookup.open(TwoNodeLab.NETLINK_TIMEOUT));
    }

    @AfterEach
    void closeNetlink() {
        installer.close();
        lookup.close();
    }

    @Test
    void installsAnIpv4VipWithLabelAndBroadcastThenRemovesIt() throws Exception {
        VipAddress vip = VipAddress.of(lab.linkB.index(), address("10.99.0.100"), 24)
                .withBroadcast(address("10.99.0.255")).withLabel(lab.ifB + ":1");

        assertThat(installer.add(vip)).isEqualTo(AddressChange.ADDED);

        assertThat(NetnsLab.ip(lab.nsB, "-4", "addr", "show", "dev", lab.ifB)).contains(
                "inet 10.99.0.100/24 brd 10.99.0.255 scope global secondary " + lab.ifB + ":1");
        assertThat(installer.list(lab.linkB.index())).anySatisfy(address -> {
            assertThat(address.matches(vip)).isTrue();
            assertThat(address.label()).isEqualTo(lab.ifB + ":1");
            assertThat(address.broadcast()).isEqualTo(address("10.99.0.255"));
            assertThat(address.secondary()).isTrue();
        });

        assertThat(installer.remove(vip)).isEqualTo(AddressChange.REMOVED);
        assertThat(NetnsLab.ip(lab.nsB, "-4", "addr", "show", "dev", lab.ifB)).doesNotContain("10.99.0.100");
    }

    @Test
    void installsAVipWithAScope() throws Exception {
        VipAddress vip = VipAddress.of(lab.linkB.index(), address("192.0.2.10"), 32).withScope(AddressScope.HOST);

        installer.add(vip);
        try {
            assertThat(NetnsLab.ip(lab.nsB, "-4", "addr", "show", "dev", lab.ifB))
                    .contains("inet 192.0.2.10/32 scope host " + lab.ifB);
        } finally {
            installer.remove(vip);
        }
    }

    @Test
    void reportsExistingAndMissingAddressesAsHarmless() throws Exception {
        VipAddress vip = VipAddress.of(lab.linkB.index(), address("10.99.0.101"), 24);

        assertThat(installer.add(vip)).isEqualTo(AddressChange.ADDED);
        assertThat(installer.add(vip)).isEqualTo(AddressChange.ALREADY_PRESENT);
        assertThat(installer.remove(vip)).isEqualTo(AddressChange.REMOVED);
        assertThat(installer.remove(vip)).isEqualTo(AddressChange.NOT_PRESENT);
    }

    @Test
    void installsIpv6VipsWithNodad() throws Exception {
        VipAddress vip = VipAddress.of(lab.linkB.index(), address("fd00:99::100"), 64);

        installer.add(vip);
        try {
            assertThat(NetnsLab.ip(lab.nsB, "-6", "addr", "show", "dev", lab.ifB))
                    .contains("inet6 fd00:99::100/64 scope global nodad");
            assertThat(installer.list(lab.linkB.index())).filteredOn(a -> a.matches(vip))
                    .singleElement().satisfies(a -> assertThat(a.noDad()).isTrue());
        } finally {
            assertThat(installer.remove(vip)).isEqualTo(AddressChange.REMOVED);
        }
        assertThat(NetnsLab.ip(lab.nsB, "-6", "addr", "show", "dev", lab.ifB)).doesNotContain("fd00:99::100");
    }

    @Test
    void surfacesKernelRefusalsWithErrnoAndText() {
        VipAddress onMissingInterface = VipAddress.of(9999, address("10.99.0.102"), 24);

        assertThatThrownBy(() -> installer.add(onMissingInterface))
                .isInstanceOfSatisfying(NetlinkException.class, e -> {
                    assertThat(e.errnoName()).isEqualTo("ENODEV");
                    assertThat(e.call()).isEqualTo("RTM_NEWADDR 10.99.0.102/24 dev #9999");
                    assertThat(e).hasMessageStartingWith("RTM_NEWADDR 10.99.0.102/24 dev #9999 failed: No such device");
                });
    }

    @Test
    void looksUpInterfacesAndTheirPrimaryAddresses() throws Exception {
        LinkInfo link = lookup.byName(lab.ifB).orElseThrow();
        String shown = NetnsLab.ip(lab.nsB, "link", "show", "dev", lab.ifB);

        assertThat(link.index()).isEqualTo(lab.linkB.index());
        assertThat(lookup.byIndex(link.index())).contains(link);
        assertThat(shown).contains("link/ether " + link.mac());
        assertThat(link.usable()).isTrue();
        assertThat(link.kind()).isEqualTo("veth");
        assertThat(link.mtu()).isEqualTo(1500);
        assertThat(lookup.byName("nosuch0")).isEmpty();
        assertThat(lookup.links()).extracting(LinkInfo::name).contains("lo", lab.ifB);
        assertThat(lookup.primaryIpv4Address(link.index())).contains(TwoNodeLab.ipv4("10.99.0.2"));
        assertThat(lookup.linkLocalIpv6Address(link.index())).contains(lab.linkLocalB);
        assertThat(shown).contains(lab.ifB);
    }

    @Test
    void skipsSecondaryAndVipLinkLocalAddressesWhenPickingThePrimary() throws Exception {
        VipAddress secondary = VipAddress.of(lab.linkB.index(), address("10.99.0.103"), 24);
        VipAddress linkLocalVip = VipAddress.of(lab.linkB.index(), address("fe80::1:52"), 64)
                .withScope(AddressScope.LINK);
        installer.add(secondary);
        installer.add(linkLocalVip);
        try {
            assertThat(lookup.primaryIpv4Address(lab.linkB.index())).contains(TwoNodeLab.ipv4("10.99.0.2"));
            assertThat(lookup.linkLocalIpv6Address(lab.linkB.index())).contains(lab.linkLocalB);
        } finally {
            installer.remove(secondary);
            installer.remove(linkLocalVip);
        }
    }
}
