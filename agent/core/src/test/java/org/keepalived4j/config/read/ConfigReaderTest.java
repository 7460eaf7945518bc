package org.keepalived4j.config.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.config.Severity;
import org.keepalived4j.config.SourceLocation;

/** The reader as a whole: lines, words, blocks, locations and diagnostics. */
class ConfigReaderTest {

    @Test
    void readsBlocksIntoATree() {
        ReaderFixture.Result result = ReaderFixture.read("""
                ! Configuration File for keepalived
                global_defs {
                   router_id LVS_DEVEL   # comment
                }

                vrrp_instance VI_1 {
                    state MASTER
                    authentication {
                        auth_type PASS
                        auth_pass 1111
                    }
                    virtual_ipaddress {
                        192.168.200.16
                    }
                }
                """);

        assertThat(result.render()).isEqualTo("""
                global_defs
                  router_id|LVS_DEVEL
                vrrp_instance|VI_1
                  state|MASTER
                  authentication
                    auth_type|PASS
                    auth_pass|1111
                  virtual_ipaddress
                    192.168.200.16
                """);
        assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void nodesKnowTheirFileAndFirstLine() {
        ReaderFixture.Result result = ReaderFixture.read("\n# c\nvrrp_instance VI_1\n{\n  state BACKUP\n}\n");

        ConfigNode instance = result.tree().get(0);
        assertThat(instance.location()).isEqualTo(new SourceLocation("test.conf", 3));
        assertThat(instance.isBlock()).isTrue();
        assertThat(instance.args()).containsExactly("VI_1");
        assertThat(instance.children().get(0).location()).isEqualTo(new SourceLocation("test.conf", 5));
        assertThat(instance.children().get(0).isBlock()).isFalse();
    }

    @Test
    void quotedWordsKeepTheirSpacesAndLoseTheirQuotes() {
        ReaderFixture.Result result = ReaderFixture.read("notify_master \"/etc/keepalived/notify.sh master\" root\n");

        assertThat(result.tree().get(0).args()).containsExactly("/etc/keepalived/notify.sh master", "root");
    }

    @Test
    void wordsAreUtf8() {
        ReaderFixture.Result result = ReaderFixture.read("router_id grüße \"日本 語\"\n");

        assertThat(result.tree().get(0).args()).containsExactly("grüße", "日本 語");
    }

    @Test
    void crlfLineEndsAreAccepted() {
        ReaderFixture.Result result = ReaderFixture.read("global_defs {\r\n router_id r1\r\n}\r\n");

        assertThat(result.render()).isEqualTo("global_defs\n  router_id|r1\n");
        assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void backslashAtTheEndOfAnOrdinaryLineDoesNotContinueIt() {
        // keepalived 2.2.7 has no line continuation outside $NAME= definitions: "a1 \" and "a2"
        // are two lines, the first ending in the word a1\ (see ParameterTest for definitions).
        ReaderFixture.Result result = ReaderFixture.read("notification_email {\n a1 \\\n a2\n}\n");

        assertThat(result.render()).isEqualTo("notification_email\n  a1\\\n  a2\n");
    }

    @Test
    void longLinesAreReadIn1023BytePiecesLikeKeepalived() {
        // keepalived 2.2.7 reads lines with fgets() into 1024 bytes: 1020 x's, " abcdefgh ijk"
        // gives the words xxx..., ab, then (as a line of its own) cdefgh, ijk.
        String line = "x".repeat(1020) + " abcdefgh ijk\nshort\n";

        ReaderFixture.Result result = ReaderFixture.read(line);

        assertThat(result.render()).isEqualTo("x".repeat(1020) + "|ab\ncdefgh|ijk\nshort\n");
        assertThat(result.tree().get(1).location().line()).isEqualTo(1);
    }

    @Test
    void unbalancedQuotesAreErrorsWithoutTheLineText() {
        ReaderFixture.Result result = ReaderFixture.read("auth_pass \"s3cret\nrouter_id r1\n");

        assertThat(result.messages()).containsExactly("ERROR 1 Unterminated quote", "ERROR 1 Unmatched quote");
        assertThat(result.render()).isEqualTo("auth_pass\nrouter_id|r1\n");
        assertThat(result.diagnostics()).allSatisfy(d -> assertThat(d.toString()).doesNotContain("s3cret"));
    }

    @Test
    void diagnosticsNeverQuoteTheTextOfALine() {
        String secret = "P4ssw0rd";
        ReaderFixture.Result result = ReaderFixture.read("""
                auth_pass "%1$s
                ~SEQ(%1$s) x
                ~LST(%1$s
                $A=$A %1$s
                $A
                $B=$B
                $B %1$s
                } %1$s
                """.formatted(secret));

        assertThat(result.diagnostics()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.toString()).doesNotContain(secret));
    }

    @Test
    void aMissingMainFileIsFatal(@TempDir Path dir) {
        ReaderFixture.Result result = ReaderFixture.read(dir.resolve("nope.conf"), "node1");

        assertThat(result.tree()).isEmpty();
        assertThat(result.diagnostics()).singleElement()
                .satisfies(d -> assertThat(d.severity()).isEqualTo(Severity.FATAL))
                .satisfies(d -> assertThat(d.message()).contains("nope.conf"));
    }

    @Test
    void aMainFileThatIsADirectoryOrExecutableIsFatal(@TempDir Path dir) throws IOException {
        // keepalived 2.2.7: "Configuration file 'exe.conf' is not a regular non-executable file - skipping".
        Path executable = dir.resolve("exe.conf");
        Files.writeString(executable, "global_defs {\n}\n");
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr--r--"));

        assertThat(ReaderFixture.read(executable, "node1").messages())
                .containsExactly("FATAL - Configuration file '" + executable + "' is not a regular non-executable file - skipping");
        assertThat(ReaderFixture.read(dir, "node1").messages())
                .containsExactly("FATAL - Configuration file '" + dir + "' is a directory - skipping");
    }

    @Test
    void readsAFileByPathNamingItInLocations(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keepalived.conf");
        Files.writeString(file, "global_defs {\n router_id r1\n}\n");

        List<ConfigNode> tree = ReaderFixture.read(file, "node1").tree();

        assertThat(tree.get(0).children().get(0).location()).isEqualTo(new SourceLocation(file.toString(), 2));
    }

    @Test
    void defaultConfigIdIsTheNodeNameUpToTheFirstDot() throws IOException {
        String nodeName = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();

        assertThat(ReaderOptions.defaults().configId()).isEqualTo(nodeName.split("\\.")[0]);
        assertThat(ReaderOptions.firstLabel("lb1.example.com")).isEqualTo("lb1");
        assertThat(ReaderOptions.firstLabel("lb1")).isEqualTo("lb1");
    }
}
