package org.keepalived4j.check;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.keepalived4j.config.HttpCheckConfig;
import org.keepalived4j.config.HttpUrlConfig;

/**
 * HTTP_GET / SSL_GET as keepalived walks its urls: one url per run, the next url
 * {@code delay_loop} later; a failing url is retried after {@code delay_before_retry}, and
 * once its retries are used up the checker is down and only that url is checked (every
 * max(delay_before_retry, delay_loop)) until it passes; the checker is up again once every url
 * has passed in turn. With {@code fast_recovery} the urls are checked back to back while
 * starting or recovering.
 */
final class HttpCheckerTask extends CheckerTask {

    private final HttpCheckConfig http;
    private final HttpProbe httpProbe;
    private int urlIt;
    private int failedUrl = -1;

    HttpCheckerTask(RealServerState server, HttpCheckConfig config, HttpProbe probe, LagRecorder lag) {
        super(server, config, config.options(), probe, lag);
        this.http = config;
        this.httpProbe = probe;
    }

    @Override
    CompletableFuture<CheckResult> runProbe() {
        return httpProbe.run(http.urls().get(urlIt));
    }

    @Override
    long epilog(CheckResult result) {
        List<HttpUrlConfig> urls = http.urls();
        boolean retry = false;
        if (result.success()) {
            retryIt = 0;
            if (failedUrl >= 0) {
                failedUrl = -1;
                urlIt = 0;
            } else if (++urlIt == urls.size()) {
                if (!up || !hasRun) {
                    server.checkerState(this, true, result.detail());
                }
                urlIt = 0;
            }
        } else if (up || !hasRun) {
            hasRun = true;
            retry = true;
            if (++retryIt > options.retry()) {
                server.checkerState(this, false, result.detail() + " (url " + urls.get(urlIt).path() + ")");
                failedUrl = urlIt;
            } else {
                server.logFailure(this, result.detail(), true);
            }
        } else {
            server.logFailure(this, result.detail(), false);
            retry = true;
        }
        long delay;
        if (!retry) {
            delay = options.delayLoopMicros();
            if (!hasRun) {
                retryIt = options.retry();
            }
        } else if (failedUrl >= 0) {
            delay = Math.max(options.delayBeforeRetryMicros(), options.delayLoopMicros());
        } else {
            delay = options.delayBeforeRetryMicros();
        }
        if (http.fastRecovery() && (!hasRun || !up && failedUrl < 0)) {
            return 0;
        }
        return delay;
    }
}
