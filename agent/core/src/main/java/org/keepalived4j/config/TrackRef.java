package org.keepalived4j.config;

/**
 * One entry of a {@code track_interface}, {@code track_script}, {@code track_file},
 * {@code track_process} or {@code track_bfd} block.
 *
 * @param name the interface, script, file, process or BFD instance name
 * @param weight the weight given on the line, or {@code null} to use the tracked object's own
 *        (interfaces: 0, i.e. a failure means FAULT)
 * @param reverse whether {@code reverse} was given
 * @param location where the entry was written
 */
public record TrackRef(String name, Integer weight, boolean reverse, SourceLocation location) {
}
