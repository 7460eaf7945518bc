package org.keepalived4j.config;

/**
 * {@code MISC_CHECK}: a program decides; exit 0 is up, 1 is down, and with {@code misc_dynamic}
 * 2..255 is up with the real server's weight set from the code.
 *
 * @param command {@code misc_path}: the command line (words are split as keepalived does)
 * @param timeoutMicros {@code misc_timeout}; 0 means the checker's delay_loop
 * @param dynamic {@code misc_dynamic}
 * @param user {@code user}, or {@code null} for the global script_user
 * @param group the group given with {@code user}, or {@code null}
 */
public record MiscCheckConfig(SourceLocation location, CheckerOptions options, String command, long timeoutMicros,
        boolean dynamic, String user, String group) implements CheckerConfig {

    @Override
    public String type() {
        return "MISC_CHECK";
    }
}
