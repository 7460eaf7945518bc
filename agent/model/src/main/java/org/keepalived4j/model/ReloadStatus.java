package org.keepalived4j.model;

import java.time.Instant;

/**
 * How the configuration reloads (SIGHUP) went.
 *
 * @param lastSuccessful whether the last reload was applied (true until one is refused)
 * @param failed how many reloads were refused since the daemon started
 * @param lastAttempt when the last reload was tried, or {@code null} when none was
 * @param lastError why the last reload was refused (the first problem, with its
 *        {@code file:line}), or {@code null} when it was applied
 */
public record ReloadStatus(boolean lastSuccessful, long failed, Instant lastAttempt, String lastError) {

    /** No reload tried yet. */
    public static final ReloadStatus NONE = new ReloadStatus(true, 0, null, null);

    /** After a reload that was applied. */
    public ReloadStatus applied(Instant at) {
        return new ReloadStatus(true, failed, at, null);
    }

    /** After a reload that was refused for {@code why}. */
    public ReloadStatus refused(Instant at, String why) {
        return new ReloadStatus(false, failed + 1, at, why);
    }
}
