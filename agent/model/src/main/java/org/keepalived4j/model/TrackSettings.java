package org.keepalived4j.model;

/**
 * One object a VRRP instance or sync group tracks, as configured ({@code track_interface},
 * {@code track_script}, {@code track_file}, {@code track_process}, {@code track_bfd}).
 *
 * @param kind {@code interface}, {@code script}, {@code file}, {@code process} or {@code bfd}
 * @param name the interface or the tracked object's name
 * @param weight the weight it adds to (or takes from) the priority; 0: a failure means FAULT
 * @param reverse {@code weight N reverse}: the weight applies while the object is down
 */
public record TrackSettings(String kind, String name, int weight, boolean reverse) {
}
