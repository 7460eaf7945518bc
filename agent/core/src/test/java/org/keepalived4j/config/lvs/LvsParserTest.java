package org.keepalived4j.config.lvs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalived4j.config.CheckerOptions;
import org.keepalived4j.config.DnsCheckConfig;
import org.keepalived4j.config.FileCheckConfig;
import org.keepalived4j.config.ForwardingConfig;
import org.keepalived4j.config.HttpCheckConfig;
import org.keepalived4j.config.HttpUrlConfig;
import org.keepalived4j.config.LvsParsing;
import org.keepalived4j.config.MiscCheckConfig;
import org.keepalived4j.config.Severity;
import org.keepalived4j.config.SourceLocation;
import org.keepalived4j.config.TcpCheckConfig;
import org.keepalived4j.config.TextNodes;
import org.keepalived4j.config.TrackFileConfig;
import org.keepalived4j.config.UdpCheckConfig;
import org.keepalived4j.config.VirtualServerConfig;

class LvsParserTest {

    private static String vs(String vsBody, String rsBody) {
        return "virtual_server 10.0.0.1 80 {\n lb_algo rr\n lb_kind NAT\n protocol TCP\n" + vsBody
                + "\n real_server 127.0.0.2 80 {\n" + rsBody + "\n }\n}\n";
    }

    private static String checker(String type, String body) {
        return vs("", "  " + type + " {\n" + body + "\n  }");
    }

    @Test
    void rejectsPersistenceTimeoutZeroAtItsLine() {
        var r = LvsParsing.parse(vs("persistence_timeout 0", "weight 1"));
        assertThat(r.messages()).containsExactly("5 persistence_timeout invalid - number '0' outside range [1, 2678400]");
        assertThat(r.lvs().virtualServers().get(0).persistenceTimeout()).isZero();
    }

    @Test
    void persistenceTimeoutWithoutValueMeansSixMinutes() {
        var r = LvsParsing.parse(vs("persistence_timeout", "weight 1"));
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.lvs().virtualServers().get(0).persistenceTimeout()).isEqualTo(360);
    }

    @Test
    void nbGetRetryIsDeprecatedInHttpGetButUnknownInTcpCheck() {
        var http = LvsParsing.parse(checker("HTTP_GET", "url {\npath /\n}\nnb_get_retry 3"));
        assertThat(http.messages()).containsExactly("11 nb_get_retry is deprecated - please use 'retry'");
        var hc = (HttpCheckConfig) http.lvs().virtualServers().get(0).realServers().get(0).checkers().get(0);
        assertThat(hc.options().retry()).isEqualTo(3);

        var tcp = LvsParsing.parse(checker("TCP_CHECK", "nb_get_retry 3"));
        assertThat(tcp.messages()).containsExactly("8 Unknown keyword 'nb_get_retry'");
    }

    @Test
    void warnsProtocolWithFwmarkAndDropsIt() {
        var r = LvsParsing.parse("virtual_server fwmark 7 {\n lb_algo rr\n lb_kind DR\n protocol TCP\n"
                + " real_server 127.0.0.2 80 {\n weight 1\n }\n}\n");
        assertThat(r.messages()).containsExactly(
                "- Warning: Virtual server FWM 7: protocol specified for fwmark - protocol will be ignored",
                "- WARNING - fwmark virtual server FWM 7, real server [127.0.0.2]:none:80 has port specified - clearing");
        VirtualServerConfig v = r.lvs().virtualServers().get(0);
        assertThat(v.protocol()).isNull();
        assertThat(v.key()).isEqualTo("fwmark:7");
        assertThat(v.realServers().get(0).port()).isZero();
    }

    @Test
    void appliesKeepalivedDefaultsWithMessages() {
        var r = LvsParsing.parse("virtual_server 10.0.0.1 80 {\n real_server 127.0.0.2 80 {\n TCP_CHECK {\n }\n }\n}\n");
        assertThat(r.messages()).containsExactly(
                "- Virtual server [10.0.0.1]:none:80: no protocol set - defaulting to UDP",
                "- Virtual server [10.0.0.1]:udp:80: no scheduler set, setting default 'wlc'",
                "- Virtual server [10.0.0.1]:udp:80: no forwarding method set, setting default NAT");
        VirtualServerConfig v = r.lvs().virtualServers().get(0);
        assertThat(v.scheduler()).isEqualTo("wlc");
        assertThat(v.protocol()).isEqualTo("udp");
        TcpCheckConfig tcp = (TcpCheckConfig) v.realServers().get(0).checkers().get(0);
        assertThat(tcp.options()).isEqualTo(new CheckerOptions(false, 1, 1_000_000, 60_000_000, 60_000_000, false));
        assertThat(tcp.connection().connectTimeoutMicros()).isEqualTo(5_000_000);
        assertThat(tcp.connection().port()).isEqualTo(80);
    }

    @Test
    void checkerInheritsFromRealServerWhichInheritsFromVirtualServer() {
        var r = LvsParsing.parse(vs("delay_loop 2\nretry 4\nconnect_timeout 1.5\nalpha\nwarmup 0",
                "delay_before_retry 0.5\n HTTP_GET {\n url {\n path /\n }\n delay_loop 3\n }\n DNS_CHECK {\n }\n"
                        + " MISC_CHECK {\n misc_path /bin/true\n }"));
        var checkers = r.lvs().virtualServers().get(0).realServers().get(0).checkers();
        HttpCheckConfig http = (HttpCheckConfig) checkers.get(0);
        assertThat(http.options()).isEqualTo(new CheckerOptions(true, 4, 500_000, 3_000_000, 0, false));
        assertThat(http.connection().connectTimeoutMicros()).isEqualTo(1_500_000);
        DnsCheckConfig dns = (DnsCheckConfig) checkers.get(1);
        assertThat(dns.queryType()).isEqualTo("SOA");
        assertThat(dns.name()).isEqualTo(".");
        MiscCheckConfig misc = (MiscCheckConfig) checkers.get(2);
        assertThat(misc.options().retry()).isEqualTo(4);
    }

    @Test
    void checkerTypeDefaultsForRetryAndDelayBeforeRetry() {
        var r = LvsParsing.parse(vs("delay_loop 7", " DNS_CHECK {\n }\n MISC_CHECK {\n misc_path /bin/true\n }\n"
                + " HTTP_GET {\n url {\n path /\n }\n }"));
        var checkers = r.lvs().virtualServers().get(0).realServers().get(0).checkers();
        assertThat(((DnsCheckConfig) checkers.get(0)).options().retry()).isEqualTo(3);
        assertThat(((DnsCheckConfig) checkers.get(0)).options().delayBeforeRetryMicros()).isEqualTo(7_000_000);
        assertThat(((MiscCheckConfig) checkers.get(1)).options().retry()).isZero();
        assertThat(((HttpCheckConfig) checkers.get(2)).options().delayBeforeRetryMicros()).isEqualTo(3_000_000);
    }

    @Test
    void readsHttpUrlStatusRangesAndDigestWithKeepalivedComplaints() {
        var r = LvsParsing.parse(checker("HTTP_GET", "url {\npath /x\nstatus_code 200 300-299 600 99 200- 301-302\n"
                + "digest 123\ndigest FF20ad2481f97b1754ef3e12ecd3a9cc\n}\nurl {\ndigest ff20ad2481f97b1754ef3e12ecd3a9cc\n}\n"
                + "http_protocol 2.0\nvirtualhost\nenable_sni\nfast_recovery maybe"));
        assertThat(r.messages()).containsExactly(
                "10 Invalid HTTP_GET status code '300-299'", "10 Invalid HTTP_GET status code '600'",
                "10 Invalid HTTP_GET status code '99'", "10 Invalid HTTP_GET status code '200-'",
                "11 digest '123' character length should be 32 rather than 3",
                "14 HTTP/SSL_GET checker url has no path - ignoring",
                "17 Invalid http_protocol version 2.0", "18 HTTP_GET virtualhost name missing",
                "20 Invalid fast_recovery parameter maybe");
        HttpCheckConfig http = (HttpCheckConfig) r.lvs().virtualServers().get(0).realServers().get(0).checkers().get(0);
        HttpUrlConfig url = http.urls().get(0);
        assertThat(http.urls()).hasSize(1);
        assertThat(url.digest()).isEqualTo("ff20ad2481f97b1754ef3e12ecd3a9cc");
        assertThat(url.accepts(200)).isTrue();
        assertThat(url.accepts(302)).isTrue();
        assertThat(url.accepts(204)).isFalse();
        assertThat(http.enableSni()).isTrue();
    }

    @Test
    void httpGetWithoutUrlIsDropped() {
        var r = LvsParsing.parse(checker("HTTP_GET", "connect_port 81"));
        assertThat(r.messages()).containsExactly("9 HTTP/SSL_GET checker has no urls specified - ignoring");
        assertThat(r.lvs().virtualServers().get(0).realServers().get(0).checkers()).isEmpty();
    }

    @Test
    void missingMandatoryParameterIsFatal() {
        var r = LvsParsing.parse(checker("DNS_CHECK", "name"));
        assertThat(r.diagnostics()).first().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.FATAL);
            assertThat(d.message()).isEqualTo(
                    "*** Configuration line starting `name` is missing a parameter after keyword `name` at word position 2");
        });
    }

    @Test
    void readsUdpCheckHexAndLengths() {
        var r = LvsParsing.parse(checker("UDP_CHECK", "payload Ab12f 3 456\nrequire_reply 01x2\nmax_reply_length 70000\n"
                + "min_reply_length 5\nmax_reply_length 10"));
        assertThat(r.messages()).containsExactly(
                "10 number '70000' outside range [0, 65535] - UDP_CHECK max length 70000 not valid - must be between 0 & 65535");
        UdpCheckConfig udp = (UdpCheckConfig) r.lvs().virtualServers().get(0).realServers().get(0).checkers().get(0);
        assertThat(udp.payload()).isEqualTo("AB120F034506");
        assertThat(udp.replyPattern()).isEqualTo("01X2");
        assertThat(udp.requireReply()).isTrue();
        assertThat(udp.minReplyLength()).isEqualTo(5);
        assertThat(udp.maxReplyLength()).isEqualTo(10);
    }

    @Test
    void hexWordsFollowKeepalivedsFreeFormat() {
        assertThat(UdpCheckParser.hexWords("Ab12f 3 456 546443123", false)).isEqualTo("AB120F0345065464431203");
        assertThat(UdpCheckParser.hexWords("0g", false)).isNull();
    }

    @Test
    void miscCheckNeedsAPathAndAnExistingUser() {
        var r = LvsParsing.parse(checker("MISC_CHECK", "misc_timeout 3") + checker("MISC_CHECK",
                "misc_path /bin/true\nuser nosuchuser").replace("10.0.0.1", "10.0.0.9"));
        assertThat(r.messages()).containsExactly("9 No script path has been specified for MISC_CHECKER - skipping",
                "20 Failed to set uid/gid for misc checker script /bin/true - removing");
        var valid = LvsParsing.parse(checker("MISC_CHECK", "misc_path \"/bin/sh -c 'exit 5'\"\nuser nobody\nmisc_dynamic"));
        assertThat(valid.messages()).containsExactly(
                "- SECURITY VIOLATION - check scripts are being executed but script_security not enabled.");
        MiscCheckConfig misc = (MiscCheckConfig) valid.lvs().virtualServers().get(0).realServers().get(0).checkers()
                .get(0);
        assertThat(misc.command()).isEqualTo("/bin/sh -c 'exit 5'");
        assertThat(misc.user()).isEqualTo("nobody");
        assertThat(misc.dynamic()).isTrue();
    }

    @Test
    void fileCheckResolvesTrackFileAndItsWeight() {
        TrackFileConfig tf = new TrackFileConfig("tf1", new SourceLocation("test.conf", 1), "/tmp/x", 3, false, null,
                false);
        var nodes = TextNodes.nodes("test.conf", checker("FILE_CHECK", "track_file tf1") + checker("FILE_CHECK",
                "track_file nosuch\ndynamic").replace("10.0.0.1", "10.0.0.9"));
        var r = LvsParsing.parse(nodes, null, List.of(tf));
        assertThat(r.messages()).containsExactly("20 Unknown keyword 'dynamic'", "19 track_file nosuch not found",
                "21 FILE_CHECK has no track_file specified - ignoring");
        FileCheckConfig fc = (FileCheckConfig) r.lvs().virtualServers().get(0).realServers().get(0).checkers().get(0);
        assertThat(fc.trackFile()).isEqualTo(tf);
        assertThat(fc.weight()).isEqualTo(3);
    }

    @Test
    void validatesQuorumHysteresisDuplicatesAndPorts() {
        var r = LvsParsing.parse("virtual_server 10.0.0.1 80 {\n lb_algo rr\n lb_kind DR\n protocol UDP\n ops\n"
                + " quorum 5\n hysteresis 5\n sorry_server 10.0.0.9 81\n sorry_server_inhibit\n"
                + " real_server 127.0.0.2 8080 {\n weight 2\n }\n real_server 127.0.0.2 8080 {\n weight 2\n }\n"
                + " real_server fe80::1 80 {\n }\n}\n");
        assertThat(r.messages()).containsExactly(
                "17 Address family of virtual server and real server fe80:0:0:0:0:0:0:1 don't match - skipping real server.",
                "- VS [10.0.0.1]:udp:80: real server [127.0.0.2]:udp:8080 is duplicated - removing second rs",
                "- Warning - quorum 5 for [10.0.0.1]:udp:80 exceeds total weight of real servers 2, reducing quorum to 2",
                "- Virtual server [10.0.0.1]:udp:80: hysteresis 5 >= quorum 2; setting hysteresis to 1",
                "- WARNING - virtual server [10.0.0.1]:udp:80 and real server [127.0.0.2]:udp:8080 ports don't match - resetting",
                "- WARNING - virtual server [10.0.0.1]:udp:80 and sorry server ports don't match - resetting");
        VirtualServerConfig v = r.lvs().virtualServers().get(0);
        assertThat(v.quorum()).isEqualTo(2);
        assertThat(v.hysteresis()).isEqualTo(1);
        assertThat(v.realServers()).singleElement().satisfies(rs -> assertThat(rs.port()).isEqualTo(80));
        assertThat(v.sorryServer().port()).isEqualTo(80);
        assertThat(v.sorryServer().inhibit()).isTrue();
        assertThat(v.schedulerFlags() & VirtualServerParser.F_ONEPACKET).isNotZero();
    }

    @Test
    void readsGroupRangesPrefixesAndFwmarks() {
        var r = LvsParsing.parse("virtual_server_group G1 {\n 10.1.1.1-10 80\n 10.1.2.0/30 80\n"
                + " 10.1.3.250-10.1.4.5 80\n 10.1.5.5-3 80\n 10.1.6.1/33\n fwmark 5\n fwmark 6 inet7\n bogus\n}\n"
                + "virtual_server_group G2 {\n}\n");
        assertThat(r.messages()).containsExactly(
                "5 Address range end is not greater than address range start - 10.1.5.5-3 - skipping",
                "6 Invalid netmask - 10.1.6.1/33 - skipping", "8 (G1): fwmark '6' family inet7 unknown - ignoring",
                "9 Invalid virtual server group IP address bogus  - skipping",
                "12 virtual server group G2 has no entries - removing");
        var entries = r.lvs().groups().get(0).entries();
        assertThat(entries).hasSize(4);
        assertThat(entries.get(0).last().getHostAddress()).isEqualTo("10.1.1.10");
        assertThat(entries.get(1).last().getHostAddress()).isEqualTo("10.1.2.3");
        assertThat(entries.get(2).last().getHostAddress()).isEqualTo("10.1.4.5");
        assertThat(entries.get(3).fwmark()).isEqualTo(5);
    }

    @Test
    void virtualServerUsingGroupIsKeyedByGroupName() {
        var r = LvsParsing.parse("virtual_server_group WEB {\n 10.1.1.1-3 80\n}\nvirtual_server group WEB {\n"
                + " lb_algo rr\n lb_kind NAT\n protocol TCP\n real_server 127.0.0.2 80 {\n }\n}\n");
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.lvs().virtualServers().get(0).key()).isEqualTo("group:WEB");
        assertThat(r.lvs().virtualServers().get(0).group().entries()).hasSize(1);
    }

    @Test
    void readsForwardingTunnelOptions() {
        var r = LvsParsing.parse(vs("lvs_method TUN type gue port 6080 csum", "lvs_method TUN type gue"));
        assertThat(r.messages()).containsExactly("7 gue tunnels require port, otherwise cannot have port.");
        VirtualServerConfig v = r.lvs().virtualServers().get(0);
        assertThat(v.forwarding()).isEqualTo(new ForwardingConfig("TUN", "gue", 6080, "csum"));
        assertThat(v.realServers().get(0).forwarding().ipvsFlag()).isEqualTo(2);
    }

    @Test
    void schedulerFlagsOnlyForTheirScheduler() {
        var r = LvsParsing.parse(vs("hashed\nsh-port\nflag-1", ""));
        assertThat(r.messages()).containsExactly("5 hashed only applies to sh scheduler - ignoring",
                "6 sh-port only applies to sh scheduler - ignoring");
        assertThat(r.lvs().virtualServers().get(0).schedulerFlags()).isEqualTo(VirtualServerParser.F_SCHED1);
    }

    @Test
    void rangeErrorsForTimersAndCounts() {
        var r = LvsParsing.parse(vs("delay_loop 0\nquorum 0\nhysteresis -1\nretry 0\nlb_algo foo\nlb_kind XYZ\nweight 3",
                "weight -1\nuthreshold -1\nnotify_up /bin/true\nnotify_up /bin/false"));
        assertThat(r.messages()).startsWith(
                "5 virtual server delay loop invalid - ignoring - number '0' outside range [0.000001, max]",
                "6 Quorum 0 must be in [1, 4294967295]. Setting to 1. - number '0' outside range [1, 4294967295]",
                "7 Hysteresis -1 must be in [0, 4294967295] - ignoring - negative number '-1'",
                "8 retry value invalid - number '0' outside range [1, 4294967295]",
                "9 Invalid lvs_scheduler 'foo' - ignoring",
                "10 PARSER : unknown [XYZ] routing method for virtual server.",
                "13 Real server weight -1 is outside range 0-2147483647 - negative number '-1'",
                "14 Invalid real_server uthreshold '-1' - ignoring - negative number '-1'",
                "16 notify_up script already specified - ignoring /bin/false");
        assertThat(r.lvs().virtualServers().get(0).realServers().get(0).weight()).isEqualTo(3);
    }

    @Test
    void sslPasswordIsNeverPrinted() {
        var r = LvsParsing.parse("SSL {\n password s3cret\n password again\n}\n");
        assertThat(r.messages()).containsExactly("3 SSL password already specified - replacing");
        assertThat(r.lvs().ssl().toString()).doesNotContain("s3cret").doesNotContain("again");
    }
}
