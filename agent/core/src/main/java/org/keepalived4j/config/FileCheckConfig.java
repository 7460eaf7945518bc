package org.keepalived4j.config;

/**
 * {@code FILE_CHECK}: the number in a {@code track_file} decides. With weight 0 any non-zero
 * value is a failure; otherwise the value times the weight is added to the real server's
 * weight, and a result at or below -2147483648 is a failure.
 *
 * @param trackFile the {@code track_file} block it names
 * @param weight the checker's {@code weight}, else the track_file's
 * @param reverse {@code weight N reverse}
 */
public record FileCheckConfig(SourceLocation location, TrackFileConfig trackFile, int weight, boolean reverse)
        implements CheckerConfig {

    @Override
    public String type() {
        return "FILE_CHECK";
    }
}
