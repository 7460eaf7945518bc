package org.keepalived4j.model;

/**
 * A {@code vrrp_track_file}: as configured, and the value read from it now.
 *
 * @param index its position among the track files, from 1 (KEEPALIVED-MIB's vrrpFileIndex)
 * @param name its name
 * @param path the file
 * @param weight {@code weight}
 * @param reverse {@code weight N reverse}
 * @param value the number the file holds now (0 when it is missing or unreadable)
 */
public record TrackFileSnapshot(int index, String name, String path, int weight, boolean reverse, long value) {
}
