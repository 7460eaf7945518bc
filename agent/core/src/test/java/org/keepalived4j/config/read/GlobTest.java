package org.keepalived4j.config.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Brace expansion, component matching and directory walking for include patterns. */
class GlobTest {

    @Test
    void bracesExpandInOrderWithNestingAndEmptyAlternatives() {
        assertThat(BraceExpander.expand("{b,a}.conf", 100)).containsExactly("b.conf", "a.conf");
        assertThat(BraceExpander.expand("x{c,{b,a}}y", 100)).containsExactly("xcy", "xby", "xay");
        assertThat(BraceExpander.expand("{foo/{,cat,dog},bar}", 100)).containsExactly("foo/", "foo/cat", "foo/dog", "bar");
        assertThat(BraceExpander.expand("{a,b}{1,2}", 100)).containsExactly("a1", "a2", "b1", "b2");
        assertThat(BraceExpander.expand("{a}", 100)).containsExactly("a");
    }

    @Test
    void unmatchedOrEscapedBracesAreLiteral() {
        assertThat(BraceExpander.expand("{a,b", 100)).containsExactly("{a,b");
        assertThat(BraceExpander.expand("\\{a,b}", 100)).containsExactly("\\{a,b}");
        assertThat(BraceExpander.expand("}{", 100)).containsExactly("}{");
    }

    @Test
    void braceExpansionIsBounded() {
        assertThat(BraceExpander.expand("{a,b}".repeat(11), 1024)).isNull();
        assertThat(BraceExpander.expand("{a,b}".repeat(10), 1024)).hasSize(1024);
    }

    @Test
    void componentsMatchLikeFnmatchWithPeriod() {
        assertThat(GlobPattern.matches("*.conf", "a.conf")).isTrue();
        assertThat(GlobPattern.matches("*.conf", ".a.conf")).isFalse();
        assertThat(GlobPattern.matches(".*", ".a")).isTrue();
        assertThat(GlobPattern.matches("?.conf", "ab.conf")).isFalse();
        assertThat(GlobPattern.matches("[a-c]x", "bx")).isTrue();
        assertThat(GlobPattern.matches("[!a-c]x", "bx")).isFalse();
        assertThat(GlobPattern.matches("[^a]x", "bx")).isTrue();
        assertThat(GlobPattern.matches("[]]", "]")).isTrue();
        assertThat(GlobPattern.matches("[[:digit:]]*", "10.conf")).isTrue();
        assertThat(GlobPattern.matches("a\\*", "a*")).isTrue();
        assertThat(GlobPattern.matches("a\\*", "ab")).isFalse();
        assertThat(GlobPattern.matches("*a*b*c", "xaybzc")).isTrue();
        assertThat(GlobPattern.matches("[ab", "[ab")).isTrue();
        assertThat(GlobPattern.isMagic("a[b")).isFalse();
        assertThat(GlobPattern.isMagic("a\\*")).isFalse();
        assertThat(GlobPattern.unescape("a\\*")).isEqualTo("a*");
    }

    @Test
    void walksDirectoriesCountingWhatIsMissing(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("d1/sub"));
        Files.createDirectories(dir.resolve("d2"));
        Files.writeString(dir.resolve("d1/x.conf"), "");
        Files.writeString(dir.resolve("d2/x.conf"), "");
        Files.writeString(dir.resolve("a.conf"), "");

        FileGlob.Result result = FileGlob.expand("d*/*", dir, ReaderLimits.DEFAULT);
        assertThat(result.matches()).containsExactly("d1/sub/", "d1/x.conf", "d2/x.conf");

        FileGlob.Result missing = FileGlob.expand("{a,b}.conf", dir, ReaderLimits.DEFAULT);
        assertThat(missing.matches()).containsExactly("a.conf");
        assertThat(missing.missingFiles()).isEqualTo(1);

        FileGlob.Result noDirectory = FileGlob.expand("none/*.conf", dir, ReaderLimits.DEFAULT);
        assertThat(noDirectory.matches()).isEmpty();
        assertThat(noDirectory.missingDirectories()).isEqualTo(1);

        FileGlob.Result noMatch = FileGlob.expand("d2/*.txt", dir, ReaderLimits.DEFAULT);
        assertThat(noMatch.matches()).isEmpty();
        assertThat(noMatch.usedWildcards()).isTrue();
        assertThat(noMatch.missingFiles() + noMatch.missingDirectories()).isZero();

        assertThat(FileGlob.expand(dir.resolve("a.conf").toString(), Path.of("/"), ReaderLimits.DEFAULT).matches())
                .containsExactly(dir.resolve("a.conf").toString());
    }
}
