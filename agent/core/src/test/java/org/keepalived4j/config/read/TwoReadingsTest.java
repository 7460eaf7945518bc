package org.keepalived4j.config.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keepalived 2.2.7 reads the configuration twice: its parent process reads the files and writes a
 * consolidated copy without comments, and the VRRP and checker processes read that copy (see
 * {@link ConsolidatedCopy}). Each case here was observed with the binary's {@code --dump-conf}.
 */
class TwoReadingsTest {

    @Test
    void anEscapedHashOutsideQuotesEndsUpStartingAComment() {
        // keepalived 2.2.7 with "auth_pass ab\#cd": VRRP dump "Password = ab".
        ReaderFixture.Result result = ReaderFixture.read("""
                vrrp_instance VI_1 {
                    authentication {
                        auth_pass ab\\#cd
                    }
                }
                """);

        assertThat(result.render()).isEqualTo("vrrp_instance|VI_1\n  authentication\n    auth_pass|ab\n");
    }

    @Test
    void globalDefsAreReadByTheFirstReading() {
        // keepalived 2.2.7 with "router_id r\#1": "Router ID = r#1" (the parent's reading, which the
        // other processes inherit at start-up), while "vrrp_instance VI\#1 {" becomes instance "VI"
        // whose '{' is commented out: "Missing '{'" and "(Line 11) Extra '}' found".
        ReaderFixture.Result result = ReaderFixture.read("""
                global_defs {
                 router_id r\\#1
                }
                vrrp_instance VI\\#1 {
                 interface eth0
                 virtual_ipaddress {
                  10.99.0.100/24
                 }
                }
                """);

        assertThat(result.render()).isEqualTo("""
                global_defs
                  router_id|r#1
                vrrp_instance|VI
                interface|eth0
                virtual_ipaddress
                  10.99.0.100/24
                """);
        assertThat(result.messages()).containsExactly("ERROR 9 Extra '}' found");
    }

    @Test
    void globalDefsComeFirst() {
        ReaderFixture.Result result = ReaderFixture.read("vrrp_instance A {\n}\nglobal_defs {\n router_id r\n}\n");

        assertThat(result.render()).isEqualTo("global_defs\n  router_id|r\nvrrp_instance|A\n");
    }

    @Test
    void aCommentLineInsideAMultiLineDefinitionEndsItInTheSecondReading() {
        // keepalived 2.2.7, second reading of "$ML=\", "# a comment line", "ml-a \", "\", "ml-b",
        // "ml:$ML": the words ml-a\, \, ml-b and ml: (the first reading would give ml:ml-a, ml-b).
        ReaderFixture.Result result = ReaderFixture.read("$ML=\\\n  # a comment line\n  ml-a \\\n\\\n  ml-b\nml:$ML\n");

        assertThat(result.render()).isEqualTo("ml-a\\\n\\\nml-b\nml:\n");
    }

    @Test
    void aConditionalIncludeIsReadTwice(@TempDir Path dir) throws IOException {
        // keepalived 2.2.7 with "@vm include inst.conf": "(inst.conf: Line 1) vrrp instance VI_INC
        // already defined" - the second reading includes the file again.
        Files.writeString(dir.resolve("inst.conf"), "vrrp_instance VI_INC {\n}\n");
        Files.writeString(dir.resolve("main.conf"), "@node1 include inst.conf\ninclude inst.conf\n");

        ReaderFixture.Result result = ReaderFixture.read(dir.resolve("main.conf"), "node1");

        assertThat(result.render()).isEqualTo("vrrp_instance|VI_INC\nvrrp_instance|VI_INC\nvrrp_instance|VI_INC\n");
    }
}
