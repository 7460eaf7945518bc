package org.keepalived4j.config.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scripts as keepalived shows them once checked: the program's real path, the arguments as written. */
class ScriptLinesTest {

    @TempDir
    Path dir;

    @Test
    void theProgramIsShownAsTheFileThatRunsAndTheArgumentsAsWritten() throws Exception {
        Path real = Files.createDirectories(dir.resolve("usr/bin")).resolve("notify");
        Files.writeString(real, "#!/bin/sh\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path link = Files.createSymbolicLink(dir.resolve("bin"), dir.resolve("usr/bin"));
        assertThat(ScriptLines.resolvedWords(link.resolve("notify") + " 'two words' x\\ y"))
                .containsExactly(real.toRealPath().toString(), "two words", "x y");
    }

    @Test
    void aProgramThatIsNotThereStaysAsWritten() {
        assertThat(ScriptLines.resolvedWords(dir.resolve("absent") + " arg"))
                .containsExactly(dir.resolve("absent").toString(), "arg");
    }

    @Test
    void aBareNameIsLookedUpInPath() throws Exception {
        // sh is on every PATH this runs with; its real path has a slash and exists
        String shown = ScriptLines.resolvedWords("sh -c true").get(0);
        assertThat(shown).startsWith("/");
        assertThat(Path.of(shown)).isEqualTo(Path.of(shown).toRealPath());
    }
}
