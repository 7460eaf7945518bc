package org.keepalived4j.exporter.snmp.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keepalived4j.model.TestSettings;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;

class SnmpAgentSettingsTest {

    private final List<String> problems = new ArrayList<>();

    private SnmpAgentSettings parse(String... lines) {
        return SnmpAgentSettings.parse(TestSettings.block("keepalived4j_snmp", lines), problems);
    }

    /** The problems of a block that, besides {@code lines}, has a valid agent. */
    private List<String> problemsOf(String... lines) {
        List<String> all = new ArrayList<>(List.of("agentaddress udp:127.0.0.1:1161", "rocommunity public"));
        all.addAll(List.of(lines));
        parse(all.toArray(String[]::new));
        return problems;
    }

    @Test
    void readsTheBlockOfTheExample() {
        SnmpAgentSettings s = parse("agentaddress udp:127.0.0.1:161",
                "rocommunity public 10.0.0.0/8",
                "createUser monitor SHA-256 authpass1 AES privpass1",
                "rouser monitor priv",
                "trap2sink 192.0.2.10:162 public",
                "informsink 192.0.2.11:162 public",
                "trapsess -v 3 -u monitor -l authPriv -a SHA-256 -A authpass1 -x AES -X privpass1 192.0.2.12:162");
        assertThat(problems).isEmpty();
        assertThat(s.agentEnabled()).isTrue();
        assertThat(s.agentAddresses()).containsExactly(new SnmpAddress("udp", false, "127.0.0.1", 161));
        CommunityAccess c = s.communities().get(0);
        assertThat(c.community()).isEqualTo("public");
        assertThat(c.source().matches(address("10.1.2.3"))).isTrue();
        assertThat(c.source().matches(address("11.0.0.1"))).isFalse();
        assertThat(c.subtree().whole()).isTrue();
        assertThat(s.users()).containsExactly(new UsmUserSettings("monitor", "SHA-256", "authpass1", "AES", "privpass1"));
        assertThat(s.userAccess().get(0).minLevel()).isEqualTo(UsmLevel.PRIV);
        assertThat(s.sinks()).hasSize(3);
        SinkSettings v3 = s.sinks().get(2);
        assertThat(v3.version()).isEqualTo(SnmpConstants.version3);
        assertThat(v3.inform()).isFalse();
        assertThat(v3.user()).isEqualTo(new UsmUserSettings("monitor", "SHA-256", "authpass1", "AES", "privpass1"));
        assertThat(v3.level()).isEqualTo(UsmLevel.PRIV);
        assertThat(v3.target()).isEqualTo(new SnmpAddress("udp", false, "192.0.2.12", 162));
    }

    @Test
    void theDumpOfTheBlockMasksEveryCommunityAndPassphraseWhereverItStands() {
        var block = TestSettings.block("keepalived4j_snmp", "agentaddress udp:127.0.0.1:161",
                "rocommunity c0mmunity1 10.0.0.0/8", "rocommunity6 c0mmunity2", "trapcommunity c0mmunity3",
                "createUser monitor SHA-256 s3cretauth AES s3cretpriv", "createUser plain MD5 s3cretonly",
                "rouser monitor priv", "trap2sink 192.0.2.10:162 c0mmunity4", "informsink -s 10.0.0.1 h c0mmunity5 162",
                "trapsink h", "trapsess -v 2c -c c0mmunity6 h",
                "trapsess -v3 -u monitor -l authPriv -a SHA -As3cretauth2 -x AES -X s3cretpriv2 h");
        StringBuilder shown = new StringBuilder();
        block.entries().forEach(e -> shown.append(e.keyword()).append(' ')
                .append(String.join(" ", SnmpAgentSettings.shown(e))).append('\n'));
        assertThat(shown.toString()).doesNotContain("c0mmunity", "s3cret")
                .contains("rocommunity ******** 10.0.0.0/8\n", "createUser monitor SHA-256 ******** AES ********\n",
                        "informsink -s 10.0.0.1 h ******** 162\n", "trapsink h\n",
                        "trapsess -v3 -u monitor -l authPriv -a SHA -A******** -x AES -X ******** h\n");
    }

    @Test
    void neverShowsPassphrasesOrCommunities() {
        SnmpAgentSettings s = parse("agentaddress 1161", "rocommunity s3cretcommunity",
                "createUser monitor SHA-256 authpass1 AES privpass1", "rouser monitor priv",
                "trap2sink 192.0.2.10 trapcommunity1",
                "trapsess -v 3 -u monitor -l authPriv -a SHA -A authpass2 -x DES -X privpass2 192.0.2.12");
        assertThat(problems).isEmpty();
        assertThat(s.toString()).contains("monitor", "SHA-256", "AES", "192.0.2.12")
                .doesNotContain("authpass", "privpass", "s3cretcommunity", "trapcommunity1");
        assertThat(s.users().get(0).toString()).doesNotContain("pass");
        assertThat(s.sinks().get(1).toString()).doesNotContain("pass");
    }

    @Test
    void noAgentAddressMeansNoAgent() {
        SnmpAgentSettings s = parse("trap2sink 192.0.2.10");
        assertThat(problems).isEmpty();
        assertThat(s.agentEnabled()).isFalse();
        assertThat(s.hasSinks()).isTrue();
    }

    @Test
    void readsAgentAddressesOfEveryTransport() {
        SnmpAgentSettings s = parse("agentaddress 1161,udp:127.0.0.1,tcp:localhost:1162", "agentaddress udp6:[::1]:1163",
                "agentaddress udp6:1164 tcp6:[::]", "rocommunity public");
        assertThat(problems).isEmpty();
        assertThat(s.agentAddresses()).containsExactly(
                new SnmpAddress("udp", false, null, 1161),
                new SnmpAddress("udp", false, "127.0.0.1", 161),
                new SnmpAddress("tcp", false, "localhost", 1162),
                new SnmpAddress("udp", true, "::1", 1163),
                new SnmpAddress("udp", true, null, 1164),
                new SnmpAddress("tcp", true, "::", 161));
    }

    @Test
    void refusesBadAgentAddresses() {
        parse("agentaddress unix:/var/agentx", "agentaddress udp:127.0.0.1:99999", "agentaddress udp:[::1]:161",
                "agentaddress udp6:[::1", "agentaddress", "rocommunity public");
        assertThat(problems).containsExactly(
                "test.conf:11: agentaddress: unsupported transport 'unix' (udp, udp6, tcp or tcp6)",
                "test.conf:12: agentaddress: bad port '99999' in 'udp:127.0.0.1:99999'",
                "test.conf:13: agentaddress: an IPv6 address needs udp6: or tcp6:, got 'udp:[::1]:161'",
                "test.conf:14: agentaddress: missing ']' in 'udp6:[::1'",
                "test.conf:15: agentaddress: expected [TRANSPORT:]ADDRESS[,...]",
                "test.conf:10: rocommunity and rouser need an agentaddress (without one there is no agent)");
    }

    @Test
    void readsCommunitySourcesAndSubtrees() {
        SnmpAgentSettings s = parse("agentaddress 1161", "rocommunity public", "rocommunity ops 192.0.2.0/255.255.255.0",
                "rocommunity one 127.0.0.1 .1.3.6.1.4.1.9586", "rocommunity6 public6 fd00::/8 1.3.6.1.2.1.68",
                "rocommunity any default");
        assertThat(problems).isEmpty();
        List<CommunityAccess> c = s.communities();
        assertThat(c.get(0).source().matches(address("203.0.113.9"))).isTrue();
        assertThat(c.get(1).source().prefixLength()).isEqualTo(24);
        assertThat(c.get(1).source().matches(address("192.0.2.200"))).isTrue();
        assertThat(c.get(1).source().matches(address("192.0.3.1"))).isFalse();
        assertThat(c.get(2).source().matches(address("127.0.0.1"))).isTrue();
        assertThat(c.get(2).source().matches(address("127.0.0.2"))).isFalse();
        assertThat(c.get(2).subtree().root()).isEqualTo(new OID("1.3.6.1.4.1.9586"));
        assertThat(c.get(3).ipv6()).isTrue();
        assertThat(c.get(3).source().matches(address("fd12::1"))).isTrue();
        assertThat(c.get(3).source().matches(address("fe80::1"))).isFalse();
        assertThat(c.get(3).subtree().root()).isEqualTo(new OID("1.3.6.1.2.1.68"));
        assertThat(c.get(4).source().matches(address("198.51.100.1"))).isTrue();
    }

    @Test
    void refusesBadCommunityLines() {
        assertThat(problemsOf("rocommunity", "rocommunity a b c d", "rocommunity x 10.0.0.0/33",
                "rocommunity x 10.0.0.0/255.0.255.0", "rocommunity x fd00::/8", "rocommunity6 x 10.0.0.0/8",
                "rocommunity x default -V myview", "rocommunity x default keepalivedMIB", "rocommunity x 10.0.0.300"))
                .containsExactly(
                        "test.conf:13: rocommunity: expected rocommunity COMMUNITY [SOURCE [OID]]",
                        "test.conf:14: rocommunity: expected rocommunity COMMUNITY [SOURCE [OID]]",
                        "test.conf:15: rocommunity: prefix length 33 is more than 32 in '10.0.0.0/33'",
                        "test.conf:16: rocommunity: mask '255.0.255.0' is not contiguous",
                        "test.conf:17: rocommunity: 'fd00::' is not an IPv4 address (use rocommunity6 for IPv6 sources)",
                        "test.conf:18: rocommunity6: '10.0.0.0' is not an IPv6 address (rocommunity6 is for IPv6 sources)",
                        "test.conf:19: rocommunity: views (-V) are not supported: restrict the community to a numeric OID instead",
                        "test.conf:20: rocommunity: expected a numeric OID such as .1.3.6.1.4.1.9586, got 'keepalivedMIB'",
                        "test.conf:21: rocommunity: unknown host or bad address '10.0.0.300'");
    }

    @Test
    void readsEveryCreateUserForm() {
        SnmpAgentSettings s = parse("agentaddress 1161", "createUser plain", "createUser md5 MD5 authpass1",
                "createUser sha SHA authpass1 DES", "createUser sha512 sha-512 authpass1 aes-256 privpass1",
                "createUser cisco SHA-384 authpass1 AES-192-C privpass1", "createUser sha224 SHA-224 authpass1 AES128 privpass1",
                "rouser plain noauth", "rouser md5", "rouser sha priv .1.3.6.1.4.1.9586", "rouser -s usm sha512 priv");
        assertThat(problems).isEmpty();
        assertThat(s.users()).containsExactly(
                new UsmUserSettings("plain", null, null, null, null),
                new UsmUserSettings("md5", "MD5", "authpass1", null, null),
                new UsmUserSettings("sha", "SHA", "authpass1", "DES", "authpass1"),
                new UsmUserSettings("sha512", "SHA-512", "authpass1", "AES-256", "privpass1"),
                new UsmUserSettings("cisco", "SHA-384", "authpass1", "AES-192-C", "privpass1"),
                new UsmUserSettings("sha224", "SHA-224", "authpass1", "AES-128", "privpass1"));
        assertThat(s.userAccess()).extracting(UserAccess::minLevel)
                .containsExactly(UsmLevel.NO_AUTH, UsmLevel.AUTH, UsmLevel.PRIV, UsmLevel.PRIV);
        assertThat(s.userAccess().get(2).subtree().root()).isEqualTo(new OID("1.3.6.1.4.1.9586"));
    }

    @Test
    void refusesBadUsers() {
        assertThat(problemsOf("createUser a SHA-1024 authpass1", "createUser b SHA authpass1 AES-512 privpass1",
                "createUser c SHA short", "createUser d SHA authpass1 AES short", "createUser e SHA",
                "createUser -e 0x8000000001020304 f SHA authpass1", "createUser g SHA -m 0x0102 AES -m 0x0102",
                "createUser h MD5 authpass1", "createUser h MD5 authpass2",
                "rouser nobody", "rouser h priv", "rouser -s tsm h", "rouser h auth -V all", "rouser h sometimes",
                "rwuser h", "rwcommunity private", "rwcommunity6 private"))
                .containsExactly(
                        "test.conf:13: createUser: unknown authentication protocol 'SHA-1024' (MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512)",
                        "test.conf:14: createUser: unknown privacy protocol 'AES-512' (DES, AES, AES-128, AES-192, AES-256, AES-192-C, AES-256-C)",
                        "test.conf:15: createUser: the authentication passphrase of user 'c' must have at least 8 characters",
                        "test.conf:16: createUser: the privacy passphrase of user 'd' must have at least 8 characters",
                        "test.conf:17: createUser: expected createUser USER [AUTH PASSPHRASE [PRIV [PASSPHRASE]]]",
                        "test.conf:18: createUser: -e ENGINEID localizes a user for a remote engine (snmptrapd's use); the agent's users belong to its own engine: leave -e out",
                        "test.conf:19: createUser: -m/-l keys are not supported: give the passphrases",
                        "test.conf:21: createUser: user 'h' is already defined",
                        "test.conf:24: rouser: security model 'tsm' is not supported (usm only)",
                        "test.conf:25: rouser: views (-V) are not supported: restrict the user to a numeric OID instead",
                        "test.conf:26: rouser: unknown security level 'sometimes' (noauth, auth or priv; noAuthNoPriv, authNoPriv or authPriv)",
                        "test.conf:27: rwuser: the agent is read-only: use rouser",
                        "test.conf:28: rwcommunity: the agent is read-only: use rocommunity",
                        "test.conf:29: rwcommunity6: the agent is read-only: use rocommunity6",
                        "test.conf:22: rouser: no createUser line defines user 'nobody'",
                        "test.conf:23: rouser: user 'h' needs level priv but its createUser line gives it only auth");
    }

    @Test
    void readsSinkLinesWithNetSnmpDefaults() {
        SnmpAgentSettings s = parse("trapsink 192.0.2.1", "trapcommunity ops", "trap2sink 192.0.2.2 ",
                "informsink 192.0.2.3 inf 1162", "trap2sink tcp:192.0.2.4:1163 t 99", "trap2sink -s 192.0.2.100 udp6:[2001:db8::5]",
                "v1trapaddress 192.0.2.100");
        assertThat(problems).isEmpty();
        List<SinkSettings> sinks = s.sinks();
        assertThat(sinks).extracting(SinkSettings::versionName).containsExactly("1", "2c", "2c", "2c", "2c");
        assertThat(sinks).extracting(SinkSettings::inform).containsExactly(false, false, true, false, false);
        assertThat(sinks).extracting(SinkSettings::community).containsExactly("public", "ops", "inf", "t", "ops");
        assertThat(sinks).extracting(SinkSettings::target).containsExactly(
                new SnmpAddress("udp", false, "192.0.2.1", 162), new SnmpAddress("udp", false, "192.0.2.2", 162),
                new SnmpAddress("udp", false, "192.0.2.3", 1162), new SnmpAddress("tcp", false, "192.0.2.4", 1163),
                new SnmpAddress("udp", true, "2001:db8::5", 162));
        assertThat(sinks.get(4).bind()).isEqualTo(new SnmpAddress("udp", false, "192.0.2.100", 0));
        assertThat(sinks.get(2).retries()).isEqualTo(5);
        assertThat(sinks.get(2).timeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.v1TrapAddress()).contains(address("192.0.2.100"));
    }

    @Test
    void readsTrapSessionOptions() {
        SnmpAgentSettings s = parse("trapsess -v 1 -c public 192.0.2.1", "trapsess -v2c -cops -Ci -r 2 -t 0.5 192.0.2.2:1162",
                "trapsess -v 3 -u u1 192.0.2.3", "trapsess -u u2 -l authNoPriv -a MD5 -A authpass1 -e 0x80001f8804616263 192.0.2.4",
                "trapsess -v 3 -Ci -u u3 -l priv -a SHA-512 -A authpass1 -x AES-256 -X privpass1 -n ctx -E 0102030405 tcp:192.0.2.5");
        assertThat(problems).isEmpty();
        List<SinkSettings> sinks = s.sinks();
        assertThat(sinks).extracting(SinkSettings::versionName).containsExactly("1", "2c", "3", "3", "3");
        assertThat(sinks).extracting(SinkSettings::inform).containsExactly(false, true, false, false, true);
        assertThat(sinks.get(1).community()).isEqualTo("ops");
        assertThat(sinks.get(1).retries()).isEqualTo(2);
        assertThat(sinks.get(1).timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(sinks.get(2).level()).isEqualTo(UsmLevel.NO_AUTH);
        assertThat(sinks.get(2).user()).isEqualTo(new UsmUserSettings("u1", null, null, null, null));
        assertThat(sinks.get(3).user()).isEqualTo(new UsmUserSettings("u2", "MD5", "authpass1", null, null));
        assertThat(EngineIds.hex(sinks.get(3).securityEngineId())).isEqualTo("0x80001f8804616263");
        assertThat(sinks.get(4).user()).isEqualTo(new UsmUserSettings("u3", "SHA-512", "authpass1", "AES-256", "privpass1"));
        assertThat(sinks.get(4).contextName()).isEqualTo("ctx");
        assertThat(EngineIds.hex(sinks.get(4).contextEngineId())).isEqualTo("0x0102030405");
        assertThat(sinks.get(4).target()).isEqualTo(new SnmpAddress("tcp", false, "192.0.2.5", 162));
    }

    @Test
    void refusesBadSinks() {
        assertThat(problemsOf("trap2sink", "trap2sink 192.0.2.1 public 1162 extra", "trap2sink 192.0.2.1 public 0",
                "informsink -profile quiet 192.0.2.1", "trapsink 162",
                "trapsess", "trapsess -v 2c 192.0.2.1", "trapsess -v 4 -c x 192.0.2.1", "trapsess -v 1 -c x -Ci 192.0.2.1",
                "trapsess -v 3 192.0.2.1", "trapsess -u u -l authPriv -a SHA -A authpass1 -x AES 192.0.2.1",
                "trapsess -u u -l auth -a SHA -A short 192.0.2.1", "trapsess -u u -l auth -a SHA3 -A authpass1 192.0.2.1",
                "trapsess -v 2c -c x -r many 192.0.2.1", "trapsess -v 2c -c x -t 0 192.0.2.1",
                "trapsess -v 2c -c x -d 192.0.2.1", "trapsess -v 2c -c x -Cb 192.0.2.1",
                "trapsess -u u -e 0x01 192.0.2.1", "trapsess -v 2c -c 192.0.2.1"))
                .containsExactly(
                        "test.conf:13: trap2sink: expected trap2sink [-s SRC] HOST [COMMUNITY [PORT]]",
                        "test.conf:14: trap2sink: expected trap2sink [-s SRC] HOST [COMMUNITY [PORT]]",
                        "test.conf:15: trap2sink: bad port '0'",
                        "test.conf:16: informsink: -profile is not supported: keepalived4j has no notification filters or SNMP-NOTIFICATION-MIB tables",
                        "test.conf:17: trapsink: expected HOST or HOST:PORT, got '162'",
                        "test.conf:18: trapsess: expected trapsess [OPTIONS] HOST",
                        "test.conf:19: trapsess: -v 2c needs a community (-c)",
                        "test.conf:20: trapsess: -v must be 1, 2c or 3, got '4'",
                        "test.conf:21: trapsess: SNMPv1 has no informs: use -v 2c or -v 3 with -Ci",
                        "test.conf:22: trapsess: -v 3 needs a user (-u)",
                        "test.conf:23: trapsess: -l priv needs -X",
                        "test.conf:24: trapsess: the authentication passphrase of user 'u' must have at least 8 characters",
                        "test.conf:25: trapsess: unknown authentication protocol 'SHA3' (MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512)",
                        "test.conf:26: trapsess: -r must be a whole number of retries from 0 to 999, got 'many'",
                        "test.conf:27: trapsess: -t must be a number of seconds of at least 0.001, got '0'",
                        "test.conf:28: trapsess: unsupported option '-d'",
                        "test.conf:29: trapsess: -Cb: only -Ci (send informs) is supported",
                        "test.conf:30: trapsess: an engine ID has 5 to 32 bytes, got 1",
                        "test.conf:31: trapsess: -c needs a value");
    }

    @Test
    void refusesUnknownAndUnsupportedDirectives() {
        assertThat(problemsOf("sysLocation rack 4", "com2sec local localhost public", "engineIDType 3", "authtrapenable 1",
                "engineID", "engineID this-text-is-far-too-long-for-an-engine-id", "v1trapaddress ::1"))
                .containsExactly(
                        "test.conf:13: unknown directive 'sysLocation' in keepalived4j_snmp",
                        "test.conf:14: com2sec: VACM directives are not supported: use rocommunity",
                        "test.conf:15: engineIDType: not supported: set the engine ID with engineID TEXT",
                        "test.conf:16: authtrapenable: authentication failure traps are not sent",
                        "test.conf:17: engineID takes exactly one value",
                        "test.conf:18: engineID: engineID text must have 1 to 27 bytes, got 42",
                        "test.conf:19: v1trapaddress: expected an IPv4 address, got '::1'");
    }

    @Test
    void buildsTheEngineIdNetSnmpBuildsFromText() {
        SnmpAgentSettings s = parse("agentaddress 1161", "rocommunity public", "engineID hello");
        assertThat(problems).isEmpty();
        // what snmpd answers for snmpEngineID.0 with "engineID hello"
        assertThat(s.engineId().map(EngineIds::hex)).contains("0x80001f880468656c6c6f");
    }

    @Test
    void anAgentNeedsAccessAndAccessNeedsAnAgent() {
        parse("rocommunity public");
        parse("agentaddress 1161");
        assertThat(problems).containsExactly(
                "test.conf:10: rocommunity and rouser need an agentaddress (without one there is no agent)",
                "test.conf:10: agentaddress without rocommunity or rouser: the agent would refuse everyone");
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
