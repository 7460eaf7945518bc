package org.keepalived4j.config.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.config.SourceLocation;

/**
 * {@code include} and its variants. Behaviours checked with keepalived 2.2.7 ({@code -t} output
 * and {@code --dump-conf}) are marked so.
 */
class IncludeTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private ReaderFixture.Result readMain(String text) throws IOException {
        return ReaderFixture.read(write("main.conf", text), "node1");
    }

    @Test
    void relativePathsAreRelativeToTheIncludingFile() throws IOException {
        // keepalived 2.2.7: B/x.conf's "include y.conf" reads B/y.conf, not y.conf next to main.
        write("B/x.conf", "w-b1\ninclude y.conf\n");
        write("B/y.conf", "w-y-in-B\n");
        write("y.conf", "w-y-in-A\n");

        ReaderFixture.Result result = readMain("include B/x.conf\ninclude y.conf\n");

        assertThat(result.words()).containsExactly("w-b1", "w-y-in-B", "w-y-in-A");
        assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void includedLinesAreLocatedInTheirFile() throws IOException {
        write("sub/inst.conf", "\nvrrp_instance VI_1 {\n}\n");

        ReaderFixture.Result result = readMain("include sub/inst.conf\n");

        assertThat(result.tree().get(0).location()).isEqualTo(new SourceLocation(dir.resolve("sub/inst.conf").toString(), 2));
    }

    @Test
    void includesWorkInsideBlocksAndBlocksMaySpanFiles() throws IOException {
        write("ips.conf", "10.0.0.1\n}\n");

        ReaderFixture.Result result = readMain("vrrp_instance VI_1 {\n virtual_ipaddress {\n  include ips.conf\n}\n");

        assertThat(result.render()).isEqualTo("vrrp_instance|VI_1\n  virtual_ipaddress\n    10.0.0.1\n");
        assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void globMatchesAreReadInByteOrder() throws IOException {
        // keepalived 2.2.7 reads conf.d/10.conf, 20.conf, 3.conf in that order.
        write("conf.d/20.conf", "w-20\n");
        write("conf.d/10.conf", "w-10\n");
        write("conf.d/3.conf", "w-3\n");
        write("conf.d/.hidden.conf", "w-hidden\n");
        write("conf.d/x.txt", "w-txt\n");

        ReaderFixture.Result result = readMain("include conf.d/*.conf\ninclude conf.d/?.conf\ninclude conf.d/[1-2]0.conf\n");

        assertThat(result.words()).containsExactly("w-10", "w-20", "w-3", "w-3", "w-10", "w-20");
    }

    @Test
    void braceAlternativesAreReadInTheirOrderEachSortedOnItsOwn() throws IOException {
        // keepalived 2.2.7: {b,a}.conf reads b then a; {a,a}.conf reads a twice; {c,{b,a}} reads c, b, a.
        write("a.conf", "w-a\n");
        write("b.conf", "w-b\n");
        write("c.conf", "w-c\n");

        ReaderFixture.Result result = readMain("include {b,a}.conf\ninclude {a,a}.conf\ninclude {c,{b,a}}.conf\n");

        assertThat(result.words()).containsExactly("w-b", "w-a", "w-a", "w-a", "w-c", "w-b", "w-a");
        assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void aMissingFileIsOnlyAWarningForAPlainInclude() throws IOException {
        // keepalived 2.2.7: "Config files missing 'nonexist.conf'." and -t still exits 0.
        ReaderFixture.Result result = readMain("include nonexist.conf\ninclude none/*.conf\nx\n");

        assertThat(result.messages()).containsExactly(
                "WARNING 1 Config files missing 'nonexist.conf'.",
                "WARNING 2 Config files missing 'none/*.conf'.");
        assertThat(result.render()).isEqualTo("x\n");
    }

    @Test
    void aWildcardMatchingNothingIsSilentUnlessCheckedWithIncludew() throws IOException {
        // keepalived 2.2.7: silent for "include empty/*.conf"; with includew "No config files
        // matched 'empty/*.conf'." and keepalived refuses to start.
        Files.createDirectories(dir.resolve("empty"));

        assertThat(readMain("include empty/*.conf\n").diagnostics()).isEmpty();
        assertThat(readMain("includew empty/*.conf\n").messages())
                .containsExactly("FATAL 1 No config files matched 'empty/*.conf'.");
    }

    @Test
    void aMissingBraceAlternativeIsReportedButTheOthersAreRead() throws IOException {
        // keepalived 2.2.7: "Some config files missing: "{a,zz}.conf"." and a.conf is read.
        write("a.conf", "w-a\n");

        ReaderFixture.Result plain = readMain("include {a,zz}.conf\n");
        assertThat(plain.words()).containsExactly("w-a");
        assertThat(plain.messages()).containsExactly("WARNING 1 Some config files missing: \"{a,zz}.conf\".");

        ReaderFixture.Result checked = readMain("includeb {a,zz}.conf\n");
        assertThat(checked.words()).isEmpty();
        assertThat(checked.messages()).containsExactly("FATAL 1 Some config files missing: \"{a,zz}.conf\".");
    }

    @Test
    void directoriesAndExecutableFilesAreSkipped() throws IOException {
        // keepalived 2.2.7: "Configuration file 'x.conf' is not a regular non-executable file - skipping",
        // "Configuration file 'conf.d/dir.conf/' is a directory - skipping".
        Files.createDirectories(dir.resolve("conf.d/dir.conf"));
        write("conf.d/ok.conf", "w-ok\n");
        Path executable = write("x.conf", "w-x\n");
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rw-r-xr--"));

        ReaderFixture.Result result = readMain("include conf.d/*.conf\ninclude x.conf\n");

        assertThat(result.words()).containsExactly("w-ok");
        assertThat(result.messages()).containsExactly(
                "WARNING 1 Configuration file '" + dir.resolve("conf.d/dir.conf") + "/' is a directory - skipping",
                "WARNING 2 Configuration file '" + dir.resolve("x.conf") + "' is not a regular non-executable file - skipping");
        assertThat(readMain("includer x.conf\n").messages()).singleElement().asString().startsWith("FATAL 1 ");
    }

    @Test
    void includeVariantsMakeMissingFilesFatal() throws IOException {
        // keepalived 2.2.7 exits with status 6 for "includea nope.conf".
        assertThat(readMain("includea nope.conf\n").messages()).containsExactly("FATAL 1 Config files missing 'nope.conf'.");
        assertThat(readMain("includem nope.conf\n").messages()).containsExactly("FATAL 1 Config files missing 'nope.conf'.");
        assertThat(readMain("includer nope.conf\n").messages()).containsExactly("WARNING 1 Config files missing 'nope.conf'.");
    }

    @Test
    void includeCheckInGlobalDefsAppliesToLaterIncludes() throws IOException {
        ReaderFixture.Result result = readMain("include a.conf\nglobal_defs {\n include_check\n}\ninclude b.conf\n");

        assertThat(result.messages()).containsExactly(
                "WARNING 1 Config files missing 'a.conf'.",
                "FATAL 5 Config files missing 'b.conf'.");
        assertThat(result.render()).isEqualTo("global_defs\n  include_check\n");
    }

    @Test
    void includeCheckOptionsSetAddAndRemoveChecks() throws IOException {
        ReaderFixture.Result result = readMain("""
                global_defs {
                 include_check wildcard_match -read
                }
                include a.conf
                include none/*.conf
                """);

        assertThat(result.messages()).containsExactly(
                "WARNING 4 Config files missing 'a.conf'.",
                "WARNING 5 Config files missing 'none/*.conf'.");
        assertThat(readMain("global_defs {\n include_check +match bogus\n}\ninclude a.conf\n").messages())
                .containsExactly("ERROR 2 Duplicate include_check 'bogus' specified - ignoring",
                        "FATAL 4 Config files missing 'a.conf'.");
    }

    @Test
    void aFileThatIncludesItselfIsAnErrorNotAnEndlessRecursion() throws IOException {
        // keepalived 2.2.7 recurses until it runs out of file descriptors.
        write("self.conf", "w-self\ninclude self.conf\n");

        ReaderFixture.Result result = readMain("include self.conf\n");

        assertThat(result.words()).containsExactly("w-self");
        assertThat(result.messages()).containsExactly("ERROR 2 Configuration file '" + dir.resolve("self.conf")
                + "' is already being read (include loop) - skipping");
    }

    @Test
    void twoFilesIncludingEachOtherAreStopped() throws IOException {
        write("a.conf", "w-a\ninclude b.conf\n");
        write("b.conf", "w-b\ninclude a.conf\n");

        ReaderFixture.Result result = readMain("include a.conf\n");

        assertThat(result.words()).containsExactly("w-a", "w-b");
        assertThat(result.messages()).singleElement().asString().contains("include loop");
    }

    @Test
    void thePatternIsTheRestOfTheLineQuotesIncluded() throws IOException {
        // keepalived 2.2.7: include "q.conf" reads a file named "q.conf" with the quotes.
        write("\"q.conf\"", "w-q\n");

        assertThat(readMain("include \"q.conf\"\n").words()).containsExactly("w-q");
    }

    @Test
    void includesResultingFromSubstitutionOrConditionsAreFollowed() throws IOException {
        // keepalived 2.2.7 follows both, although its manual says it does not.
        write("a.conf", "w-a\n");
        write("b.conf", "w-b\n");

        ReaderFixture.Result result = readMain("$I=include a.conf\n$I\n@node1 include b.conf\n@other include a.conf\n");

        assertThat(result.words()).contains("w-a", "w-b").doesNotContain("include");
    }

    @Test
    void anIncludeThatIsNotTheWholeLineIsAnOrdinaryLine() throws IOException {
        ReaderFixture.Result result = readMain("include\nincludex a.conf\n");

        assertThat(result.render()).isEqualTo("include\nincludex|a.conf\n");
    }

    @Test
    void readsIncludesOfTextRelativeToTheBaseDirectory() throws IOException {
        write("a.conf", "w-a\n");

        ReaderFixture.Result result = ReaderFixture.read("include a.conf\n", dir, "node1");

        assertThat(result.words()).containsExactly("w-a");
        assertThat(result.tree().get(0).location()).isEqualTo(new SourceLocation("a.conf", 1));
    }
}
