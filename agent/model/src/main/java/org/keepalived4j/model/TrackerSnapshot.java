package org.keepalived4j.model;

/**
 * One thing a VRRP instance tracks, and what it currently contributes.
 *
 * @param kind {@code interface}, {@code script}, {@code file}, {@code process} or {@code bfd}
 * @param name the tracked interface, vrrp_script, track_file, vrrp_track_process or BFD name
 * @param up whether the tracked object is currently healthy
 * @param weight the configured weight; 0 means a failure puts the instance into FAULT
 * @param priorityContribution what the tracker adds to (or takes from) the base priority now
 */
public record TrackerSnapshot(String kind, String name, boolean up, int weight, int priorityContribution) {
}
