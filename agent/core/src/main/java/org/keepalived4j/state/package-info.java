/**
 * The seam between the daemon and everything that publishes it: how the configuration appears
 * in the read model ({@code *ReadModel}: settings built once per reload), the live state the
 * exporters read ({@link org.keepalived4j.state.LiveState}, assembled from what the VRRP engine
 * and the checkers publish), and the one event log every consumer reads at its own cursor
 * ({@link org.keepalived4j.state.EventLog}).
 */
package org.keepalived4j.state;
