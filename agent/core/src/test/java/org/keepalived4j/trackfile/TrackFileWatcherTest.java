package org.keepalived4j.trackfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalived4j.config.TrackFileConfig;

/** The watcher reports a track file's content when keepalived would read it, and only then. */
class TrackFileWatcherTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final TrackFileWatcher watcher = new TrackFileWatcher("test");
    private final List<Long> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        watcher.close();
    }

    private Path watched(String content) throws Exception {
        Path file = Files.writeString(dir.resolve("value"), content);
        watcher.watch(file, () -> seen.add(TrackFileContent.read(file)));
        return file;
    }

    @Test
    void aRewriteIsReadOnceClosedNeverTruncated() throws Exception {
        Path file = watched("5\n");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            // the file is empty now, and stays so for a while before the new value arrives
            Thread.sleep(1000);
            writer.write("7\n");
            writer.flush();
            Thread.sleep(1000);
        }
        await().atMost(WAIT).until(() -> seen.contains(7L));
        assertThat(seen).containsOnly(7L);
    }

    @Test
    void aFileMovedIntoPlaceIsRead() throws Exception {
        Path file = watched("5\n");
        Path next = Files.writeString(dir.resolve("value.new"), "9\n");
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE);
        await().atMost(WAIT).until(() -> seen.contains(9L));
        assertThat(seen).containsOnly(9L);
    }

    @Test
    void aDeletedFileReadsZeroAndOtherFilesAreIgnored() throws Exception {
        Path file = watched("5\n");
        Files.writeString(dir.resolve("other"), "3\n");
        Files.delete(file);
        await().atMost(WAIT).until(() -> seen.contains(0L));
        assertThat(seen).containsOnly(0L);
    }

    @Test
    void anUnwatchedFileIsNoLongerReported() throws Exception {
        Path file = Files.writeString(dir.resolve("value"), "1\n");
        Path other = Files.writeString(dir.resolve("other"), "1\n");
        Runnable listener = () -> seen.add(TrackFileContent.read(file));
        watcher.watch(file, listener);
        watcher.watch(other, () -> seen.add(-TrackFileContent.read(other)));
        watcher.unwatch(file, listener);
        Files.writeString(file, "2\n");
        Files.writeString(other, "4\n");
        await().atMost(WAIT).until(() -> seen.contains(-4L));
        assertThat(seen).containsOnly(-4L);
    }

    @Test
    void readsTheLeadingNumberAndInitialisesAsAsked() throws Exception {
        Path file = dir.resolve("f");
        assertThat(TrackFileContent.read(file)).isZero();
        Files.writeString(file, "  -12 apples\n");
        assertThat(TrackFileContent.read(file)).isEqualTo(-12);
        Files.writeString(file, "abc");
        assertThat(TrackFileContent.read(file)).isZero();
        TrackFileContent.initialise(new TrackFileConfig("tf", null, file.toString(), 1, false, 8L, false));
        assertThat(TrackFileContent.read(file)).isZero();
        TrackFileContent.initialise(new TrackFileConfig("tf", null, file.toString(), 1, false, 8L, true));
        assertThat(TrackFileContent.read(file)).isEqualTo(8);
    }
}
