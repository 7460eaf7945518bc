package org.keepalived4j.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keepalived4j -t} exits as keepalived 2.2.7's {@code -t} does (each case here was run
 * through keepalived 2.2.7 on Debian 12 for its status and message): 0 for what it prints
 * without counting, 6 for a SECURITY VIOLATION whatever else is wrong, 2 for a line missing a
 * parameter, 5 for anything else; and its messages carry one label at most.
 */
class ConfigTestStatusTest {

    /** No machine has this interface. */
    private static final String NO_SUCH = "k4jnosuch0";

    @TempDir
    Path dir;

    private record Run(int status, String output) {
    }

    private Run test(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        if (text != null) {
            Files.writeString(file, text);
        }
        return run(file);
    }

    private static Run run(Path file) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        int status = Main.run(new String[] {"-t", "-f", file.toString()}, out, out);
        return new Run(status, buffer.toString(StandardCharsets.UTF_8));
    }

    private static String instance(String extra) {
        return "vrrp_instance VI_1 {\n    interface " + NO_SUCH + "\n    virtual_router_id 51\n    priority 100\n"
                + extra + "    virtual_ipaddress {\n        10.9.9.9\n    }\n}\n";
    }

    private static String realServerWith(String checker) {
        return "virtual_server 10.9.9.9 80 {\n    lb_algo rr\n    lb_kind NAT\n    protocol TCP\n"
                + "    real_server 10.9.9.10 80 {\n" + checker + "    }\n}\n";
    }

    @Test
    void aMissingOrExecutableMainFileIsReportedButExitsZero() throws Exception {
        Run missing = test("absent.conf", null);
        assertThat(missing.status()).isZero();
        assertThat(missing.output()).isEqualTo("Config files missing '" + dir.resolve("absent.conf") + "'.\n");

        Path executable = Files.writeString(dir.resolve("exec.conf"), "global_defs {\n}\n");
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
        Run skipped = run(executable);
        assertThat(skipped.status()).isZero();
        assertThat(skipped.output()).contains("is not a regular non-executable file - skipping")
                .doesNotContain("Fatal");
    }

    @Test
    void anIncludeThatMatchesNothingIsReportedButExitsZero() throws Exception {
        Run run = test("glob.conf", "include " + dir.resolve("nowhere") + "/*.conf\n");
        assertThat(run.status()).isZero();
        assertThat(run.output()).contains("Line 1) Config files missing '").doesNotContain("Warning");
    }

    @Test
    void checkScriptsWithoutScriptSecurityExitSixButOnlyWhenTheScriptExists() throws Exception {
        Run present = test("misc.conf", realServerWith("        MISC_CHECK {\n            misc_path /bin/true\n        }\n"));
        assertThat(present.status()).isEqualTo(6);
        assertThat(present.output())
                .contains("SECURITY VIOLATION - check scripts are being executed but script_security not enabled.\n");

        Run absent = test("gone.conf", realServerWith(
                "        MISC_CHECK {\n            misc_path /nonexistent/k4j-check.sh\n        }\n"));
        assertThat(absent.output()).doesNotContain("SECURITY VIOLATION");
    }

    @Test
    void aSecurityViolationWinsOverOtherProblems() throws Exception {
        Run run = test("both.conf", realServerWith("        MISC_CHECK {\n            misc_path /bin/true\n        }\n")
                .replace("    protocol TCP\n", "    protocol TCP\n    persistence_timeout 0\n"));
        assertThat(run.output()).contains("both.conf: Line 5) ").contains("persistence_timeout invalid")
                .contains("SECURITY VIOLATION - check scripts are being executed but script_security not enabled.");
        assertThat(run.status()).isEqualTo(6);
    }

    @Test
    void anInstanceDroppedForItsInterfaceRunsNoScripts() throws Exception {
        Run run = test("notify.conf", instance("    notify_master /bin/true\n"));
        assertThat(run.output()).contains("interface " + NO_SUCH).doesNotContain("SECURITY VIOLATION");
        assertThat(run.status()).isEqualTo(5);
    }

    @Test
    void withScriptSecurityAndNoDefaultUserTheNotifyScriptIsReportedAtItsLine() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.readString(Path.of("/etc/passwd"))
                .contains("\nkeepalived_script:"), "the machine has a keepalived_script user");
        Run run = test("user.conf", "global_defs {\n    enable_script_security\n}\n"
                + instance("    notify_master /bin/true\n"));
        assertThat(run.output()).contains("user.conf: Line 8) ")
                .contains("Unable to set default user keepalived_script for script");
        assertThat(run.status()).isEqualTo(5);
    }

    @Test
    void aLineMissingItsParameterExitsTwo() throws Exception {
        Run run = test("param.conf", "vrrp_instance VI_1 {\n    interface\n    virtual_router_id 51\n}\n");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.output()).contains("param.conf: Line 2) *** Configuration line starting `interface` is missing"
                + " a parameter after keyword `interface` at word position 2");
    }

    @Test
    void keepalivedsOwnLabelIsNotDoubled() throws Exception {
        Run run = test("iface.conf", instance(""));
        assertThat(run.status()).isEqualTo(5);
        assertThat(run.output()).contains("iface.conf: Line 2) WARNING - interface " + NO_SUCH
                + " for vrrp_instance VI_1 doesn't exist").doesNotContain("Error - WARNING");
    }

    @Test
    void symbolicUmaskBitsMayBeSpacedOut() throws Exception {
        Run run = test("umask.conf", "global_defs {\n    umask IXUSR | IWGRP | IXGRP | IWOTH | IXOTH\n}\n");
        assertThat(run.output()).isEmpty();
        assertThat(run.status()).isZero();
    }

    @Test
    void anotherNetworkNamespacesInterfacesAreNotLookedUpHere() throws Exception {
        Run run = test("ns.conf", "net_namespace k4jblue\n" + instance("    virtual_routes {\n"
                + "        default via inet6 2001:db8::1 dev " + NO_SUCH + "\n"
                + "        default6 via fe80::1 dev " + NO_SUCH + "\n    }\n"));
        assertThat(run.output()).doesNotContain("doesn't exist").doesNotContain("route")
                .contains("net_namespace k4jblue: interfaces are not checked");
        assertThat(run.status()).isZero();
    }

    @Test
    void netNamespaceInsideGlobalDefsIsNotAKeywordThere() throws Exception {
        Run run = test("gns.conf", "global_defs {\n    net_namespace k4jblue\n}\n");
        assertThat(run.output()).contains("gns.conf: Line 2) ").contains("Unknown keyword 'net_namespace'");
        assertThat(run.status()).isEqualTo(5);
    }

    @Test
    void ownSettingsAreReadFromKeepalived4jConfBesideTheMainFile() throws Exception {
        Path main = Files.writeString(dir.resolve("keepalived.conf"), "global_defs {\n    router_id lb1\n}\n");
        Files.writeString(dir.resolve("keepalived4j.conf"), "keepalived4j_daemon {\n    reload_with_errors maybe\n}\n");
        Run run = run(main);
        assertThat(run.output()).contains("keepalived4j.conf:2: reload_with_errors must be refuse or apply");
        assertThat(run.status()).isEqualTo(5);

        Files.writeString(dir.resolve("keepalived4j.conf"), "keepalived4j_daemon {\n}\n");
        assertThat(run(main).status()).isZero();
        assertThat(ConfigLoader.ownSettings(CommandLine.parse("-f", main.toString())))
                .isEqualTo(dir.resolve("keepalived4j.conf"));
        Path other = Files.writeString(dir.resolve("other.conf"), "keepalived4j_daemon {\n}\n");
        assertThat(ConfigLoader.ownSettings(CommandLine.parse("-f", main.toString(), "-E", other.toString())))
                .as("-E names another").isEqualTo(other);
        Files.delete(dir.resolve("keepalived4j.conf"));
        assertThat(ConfigLoader.ownSettings(CommandLine.parse("-f", main.toString()))).isNull();
    }
}
