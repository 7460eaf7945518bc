/**
 * What the VRRP engine needs from the network, behind small interfaces so that the state
 * machine runs against fakes in tests: the {@link org.keepalived4j.vrrp.net.Poller} of the
 * VRRP loop, {@link org.keepalived4j.vrrp.net.RawVrrpSocket},
 * {@link org.keepalived4j.vrrp.net.GratuitousArpSender},
 * {@link org.keepalived4j.vrrp.net.NeighborAdvertSender},
 * {@link org.keepalived4j.vrrp.net.VipInstaller}, {@link org.keepalived4j.vrrp.net.LinkLookup},
 * {@link org.keepalived4j.vrrp.net.LinkMonitor} and {@link org.keepalived4j.vrrp.net.VmacManager}.
 * The {@code Native*} and {@code Netlink*} classes implement them on
 * {@code org.keepalived4j.linux}.
 *
 * <p>Sockets and netlink channels belong to the network namespace of the thread that opens
 * them. Nothing here blocks without a bound: sockets are non-blocking and netlink requests
 * time out.
 */
package org.keepalived4j.vrrp.net;
