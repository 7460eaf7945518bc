/**
 * Thin Linux bindings through JNA: libc calls, the layouts of the structures they take,
 * errno turned into {@link org.keepalived4j.linux.SyscallException}, and small owners of file
 * descriptors (raw IP, AF_PACKET and netlink sockets, eventfd, a ppoll set, the pidfd of a
 * child started with posix_spawn, an inotify instance), and user and group lookups. The one
 * netlink codec lives here too: {@link org.keepalived4j.linux.NetlinkMessageWriter},
 * {@link org.keepalived4j.linux.NetlinkMessages}, {@link org.keepalived4j.linux.NetlinkAttributes}
 * and the request/response {@link org.keepalived4j.linux.NetlinkChannel}, shared by rtnetlink
 * and generic netlink ({@link org.keepalived4j.linux.GenericNetlink}). Nothing here knows about
 * VRRP or IPVS; {@code org.keepalived4j.vrrp.net} and {@code org.keepalived4j.ipvs} build on it.
 * JNA is used only here and in {@code vrrp.net}.
 */
package org.keepalived4j.linux;
