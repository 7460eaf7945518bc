package org.keepalived4j.check;

import java.nio.file.Path;
import org.keepalived4j.config.FileCheckConfig;
import org.keepalived4j.trackfile.TrackFileContent;
import org.keepalived4j.trackfile.TrackFileWatcher;

/**
 * FILE_CHECK: follows the number in a track file. With weight 0 any non-zero value is a
 * failure; otherwise value x weight (negated with reverse) is this checker's contribution to
 * the real server's weight, and a product at or below -2147483648 is a failure. There is no
 * schedule: the file is read at start and whenever the {@link TrackFileWatcher} says it has a new content.
 */
final class FileCheckTask extends CheckerTask {

    private static final long FAULT = -2147483648L;

    private final FileCheckConfig file;
    private final TrackFileWatcher watcher;
    private final Path path;
    private final Runnable listener = this::changed;
    private volatile boolean watching;

    FileCheckTask(RealServerState server, FileCheckConfig config, TrackFileWatcher watcher) {
        super(server, config, null, new Probe() {
            @Override
            public java.util.concurrent.CompletableFuture<CheckResult> run() {
                throw new IllegalStateException("FILE_CHECK is event driven");
            }
        }, LagRecorder.NONE);
        this.file = config;
        this.watcher = watcher;
        this.path = Path.of(config.trackFile().path());
        this.hasRun = true;
    }

    /** Before the pool is set up: the initial verdict decides whether the server starts failed. */
    void initialState() {
        TrackFileContent.initialise(file.trackFile());
        CheckResult r = evaluate(read());
        up = r.success();
        if (!up) {
            server.failedCheckers++;
        }
        if (r.weight() != null) {
            server.virtualServer.initialWeight(server, this, r.weight());
        }
    }

    @Override
    void start() {
        watching = true;
        watcher.watch(path, listener);
    }

    @Override
    void stop() {
        watching = false;
        watcher.unwatch(path, listener);
    }

    private void changed() {
        long value = read();
        server.loop().execute(() -> {
            if (!watching) {
                return;
            }
            CheckResult r = evaluate(value);
            server.recordCheck(this, r, 0);
            if (r.weight() != null) {
                server.checkerWeight(this, r.weight());
            }
            if (r.success() != up) {
                server.checkerState(this, r.success(), r.detail());
            }
        });
    }

    CheckResult evaluate(long value) {
        if (file.weight() == 0) {
            return value == 0 ? new CheckResult(true, "file value 0", null)
                    : CheckResult.failed("file value " + value);
        }
        long product = value * file.weight() * (file.reverse() ? -1 : 1);
        if (product <= FAULT) {
            return CheckResult.failed("file value " + value);
        }
        return new CheckResult(true, "file value " + value, product);
    }

    private long read() {
        return TrackFileContent.read(path);
    }
}
