package org.keepalived4j.ipvs;

import java.util.Objects;

/**
 * An IPVS virtual service as keepalived programs it.
 *
 * <p>The record is normalised so that what is desired compares equal to what the kernel reports:
 * {@link #HASHED} is dropped (it is the kernel's own bookkeeping, never something to ask for),
 * {@link #PERSISTENT} is set whenever there is a persistence timeout (as keepalived does), a
 * netmask of 0 means the family's default, and an empty persistence engine is {@code null}.
 *
 * @param key what identifies it
 * @param scheduler the scheduler name ({@code lb_algo}: rr, wrr, lc, wlc, lblc, sh, mh, dh, ...)
 * @param flags IP_VS_SVC_F_* flags (persistent, one-packet, sh/mh-fallback, sh/mh-port, ...)
 * @param persistenceTimeoutSeconds {@code persistence_timeout}, 0 when not persistent
 * @param persistenceNetmask {@code persistence_granularity}: for IPv4 the netmask as an int whose
 *        big-endian bytes are the mask ({@code 0xffffff00} for 255.255.255.0, default
 *        {@code 0xffffffff}); for IPv6 the prefix length (default 128)
 * @param persistenceEngine {@code persistence_engine} (e.g. "sip"), or {@code null}
 */
public record IpvsService(IpvsServiceKey key, String scheduler, int flags, int persistenceTimeoutSeconds,
        int persistenceNetmask, String persistenceEngine) {

    /** IP_VS_SVC_F_PERSISTENT. */
    public static final int PERSISTENT = 0x0001;
    /** IP_VS_SVC_F_HASHED: set by the kernel on every service in its table; never requested. */
    public static final int HASHED = 0x0002;
    /** IP_VS_SVC_F_ONEPACKET ({@code ops}, UDP only). */
    public static final int ONE_PACKET = 0x0004;
    /** IP_VS_SVC_F_SCHED1 ({@code flag-1}, {@code sh-fallback}, {@code mh-fallback}). */
    public static final int SCHED_FLAG_1 = 0x0008;
    /** IP_VS_SVC_F_SCHED2 ({@code flag-2}, {@code sh-port}, {@code mh-port}). */
    public static final int SCHED_FLAG_2 = 0x0010;
    /** IP_VS_SVC_F_SCHED3 ({@code flag-3}). */
    public static final int SCHED_FLAG_3 = 0x0020;

    /** IPv4 default persistence netmask (255.255.255.255), as keepalived sends it. */
    public static final int DEFAULT_IPV4_NETMASK = 0xffffffff;
    /** IPv6 default persistence prefix length, as keepalived sends it. */
    public static final int DEFAULT_IPV6_PREFIX = 128;

    public IpvsService {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(scheduler, "scheduler");
        if (scheduler.isEmpty() || scheduler.length() > 15) {
            throw new IllegalArgumentException("scheduler name must be 1..15 characters: '" + scheduler + "'");
        }
        if (persistenceTimeoutSeconds < 0) {
            throw new IllegalArgumentException("negative persistence timeout");
        }
        flags &= ~HASHED;
        if (persistenceTimeoutSeconds > 0) {
            flags |= PERSISTENT;
        }
        if (persistenceNetmask == 0) {
            persistenceNetmask = key.ipv6() ? DEFAULT_IPV6_PREFIX : DEFAULT_IPV4_NETMASK;
        }
        if (key.ipv6() && (persistenceNetmask < 1 || persistenceNetmask > 128)) {
            throw new IllegalArgumentException("IPv6 persistence prefix must be 1..128: " + persistenceNetmask);
        }
        if (persistenceEngine != null && persistenceEngine.isEmpty()) {
            persistenceEngine = null;
        }
        if (persistenceEngine != null && persistenceEngine.length() > 15) {
            throw new IllegalArgumentException("persistence engine name too long: " + persistenceEngine);
        }
    }

    /** A service without a persistence engine. */
    public IpvsService(IpvsServiceKey key, String scheduler, int flags, int persistenceTimeoutSeconds,
            int persistenceNetmask) {
        this(key, scheduler, flags, persistenceTimeoutSeconds, persistenceNetmask, null);
    }
}
