/**
 * The kernel's IPVS table: what it should hold and how to get it there.
 *
 * <ul>
 * <li>{@link org.keepalived4j.ipvs.IpvsClient}: the table's operations (services, destinations,
 *     flush), behind an interface; {@link org.keepalived4j.ipvs.GenericNetlinkIpvsClient} speaks
 *     the "IPVS" generic-netlink family over {@code org.keepalived4j.linux.NetlinkChannel}, the one
 *     netlink codec and socket of the daemon. Only the IPVS message layout lives here:
 *     {@code IpvsMessageCodec} writes requests, {@code IpvsReplyParser} reads dump entries and
 *     {@code IpvsUapi} holds the numbers of {@code linux/ip_vs.h}. {@code IpvsDetection} decides
 *     once, at start, whether the kernel has IPVS; without it the client refuses every call and
 *     the daemon runs monitor-only.
 * <li>{@link org.keepalived4j.ipvs.IpvsService}, {@link org.keepalived4j.ipvs.IpvsServiceKey},
 *     {@link org.keepalived4j.ipvs.IpvsDestination}: the table's entries, normalised so that what
 *     is desired compares equal to what the kernel reports.
 * <li>{@link org.keepalived4j.ipvs.IpvsDesiredState} and
 *     {@link org.keepalived4j.ipvs.IpvsReconciler}: a desired table and the pass that brings the
 *     kernel to it with the fewest commands, flushes it ({@code lvs_flush}) and releases it at
 *     stop as an {@link org.keepalived4j.ipvs.IpvsRelease} says ({@code lvs_flush_onstop},
 *     {@code --dont-release-ipvs}).
 * </ul>
 *
 * Which real servers should be in, and with what weight, is decided in
 * {@code org.keepalived4j.check}, which also runs the passes off the checkers' threads.
 */
package org.keepalived4j.ipvs;
