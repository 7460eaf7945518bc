/**
 * Thin Linux bindings through JNA: libc calls, the layouts of the structures they take,
 * errno turned into {@link org.keepalived4j.linux.SyscallException}, and small owners of file
 * descriptors (raw IP, AF_PACKET and netlink sockets, eventfd, a ppoll set, the pidfd of a
 * child started with posix_spawn, an inotify instance), and user and group lookups. Nothing here
 * knows about VRRP; {@code org.keepalived4j.vrrp.net} builds on it. JNA is used only here and
 * there.
 */
package org.keepalived4j.linux;
