package org.keepalived4j.model;

/**
 * A BFD session VRRP instances track ({@code vrrp_track_bfd}, named by a {@code bfd_instance}).
 * keepalived4j parses BFD but does not run it, so a session is never up.
 *
 * @param index its position among the BFD sessions, from 1 (KEEPALIVED-MIB's vrrpBfdIndex)
 * @param name its name
 * @param weight {@code weight}
 * @param reverse {@code weight N reverse}
 * @param up whether the session is up
 */
public record TrackBfdSnapshot(int index, String name, int weight, boolean reverse, boolean up) {
}
