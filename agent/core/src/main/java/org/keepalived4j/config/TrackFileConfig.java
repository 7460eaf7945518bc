package org.keepalived4j.config;

/**
 * A {@code track_file} block (also spelled {@code vrrp_track_file}).
 *
 * @param name the block name
 * @param location where the block starts
 * @param path {@code file}: the file whose contents (a number) adjust the priority
 * @param weight {@code weight} (default 1), -254..254
 * @param reverse {@code weight N reverse}
 * @param initValue {@code init_file [VALUE]}: the value written if the file does not exist, or {@code null}
 * @param initOverwrite {@code init_file VALUE overwrite}
 */
public record TrackFileConfig(String name, SourceLocation location, String path, int weight, boolean reverse,
        Long initValue, boolean initOverwrite) {
}
