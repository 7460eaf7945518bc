package org.keepalived4j.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConfigDumperTest {

    @Test
    void neverShowsTheSeedPasswordInTheDumpOrInDiagnostics() throws IOException {
        String conf;
        try (InputStream in = getClass().getResourceAsStream("/conformance/000-master-pass-auth.conf")) {
            conf = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(conf).contains("auth_pass 1111");
        ConfigResult r = Parsing.parse(conf, FakeSystemProbe.withInterfaces("eth0"));
        String dump = ConfigDumper.dump(r.config());
        assertThat(dump).contains("auth_pass " + ConfigDumper.MASK).contains("vrrp_instance ERIC_VI_1 {")
                .contains("virtual_router_id 56").doesNotContain("1111");
        assertThat(r.diagnostics().toString()).doesNotContain("1111");
        assertThat(r.config().vrrpInstances().get(0).auth().toString()).doesNotContain("1111");
    }

    @Test
    void masksSecretExtensionSettings() {
        ConfigResult r = Parsing.parse("keepalived4j_snmp {\n community s3cr3tc0mm\n auth_key k3y\n port 161\n}\n");
        String dump = ConfigDumper.dump(r.config());
        assertThat(dump).doesNotContain("s3cr3tc0mm").doesNotContain("k3y").contains("port 161")
                .contains("community " + ConfigDumper.MASK);
    }

    @Test
    void rendersBlocksIndented() {
        ConfigResult r = Parsing.parse("vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 3\n"
                + " virtual_ipaddress {\n 10.0.0.1/24 dev eth1 label eth1:1\n }\n}\n");
        assertThat(ConfigDumper.dump(r.config())).contains("vrrp_instance VI_1 {\n    state BACKUP\n")
                .contains("        10.0.0.1/24 dev eth1 label eth1:1\n");
    }

    @Test
    void showsKeepalivedsSnmpKeywords() {
        ConfigResult r = Parsing.parse("global_defs {\n enable_traps\n enable_snmp_vrrp\n enable_snmp_rfcv3\n"
                + " snmp_socket tcp:localhost:705\n}\n");
        assertThat(ConfigDumper.dump(r.config())).contains("    enable_traps\n", "    enable_snmp_vrrp\n",
                "    enable_snmp_rfcv3\n", "    snmp_socket tcp:localhost:705\n").doesNotContain("enable_snmp_checker");
    }

    @Test
    void showsAKeepalived4jBlockAsItsExporterMasksIt() {
        ConfigResult r = Parsing.parse("keepalived4j_snmp {\n trap2sink 10.0.0.1 s3cr3t\n}\n");
        String dump = ConfigDumper.dump(r.config(), (block, s) -> java.util.List.of(s.args().get(0), "masked"));
        assertThat(dump).contains("trap2sink 10.0.0.1 masked").doesNotContain("s3cr3t");
    }

    @Test
    void masksWebhookCredentialsInsideANestedBlock() {
        ConfigResult r = Parsing.parse("keepalived4j_alerts {\n webhook ops {\n  url https://hooks.example.com/k\n"
                + "  basic_auth alerts pa55w0rd\n  bearer_token t0k3n\n  header Authorization Bearer t0k3n\n"
                + "  header X-Team sre\n }\n}\n");
        String dump = ConfigDumper.dump(r.config());
        assertThat(dump).doesNotContain("pa55w0rd").doesNotContain("t0k3n")
                .contains("basic_auth " + ConfigDumper.MASK, "bearer_token " + ConfigDumper.MASK,
                        "header Authorization " + ConfigDumper.MASK, "header X-Team sre", "webhook ops {");
    }
}
