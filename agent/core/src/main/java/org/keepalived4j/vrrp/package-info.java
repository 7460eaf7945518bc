/**
 * The VRRP engine: one loop thread that owns every instance ({@link org.keepalived4j.vrrp.VrrpEngine},
 * {@code EngineState}), the RFC 5798 / RFC 3768 state machine with keepalived's extensions
 * ({@code VrrpInstance} and its {@code BackupHandler}/{@code MasterHandler}), the receive checks
 * and counters ({@code AdvertValidator}), sync groups, tracked interfaces, scripts, files and
 * processes, gratuitous ARP / NA pacing, timers and the thread's scheduling. What touches the
 * kernel is in {@code vrrp.net}; the packet codec in {@code vrrp.packet}.
 */
package org.keepalived4j.vrrp;
