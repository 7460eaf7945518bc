package org.keepalived4j.ipvs;

/**
 * An IPVS virtual service as keepalived programs it.
 *
 * @param key what identifies it
 * @param scheduler the scheduler name ({@code lb_algo}: rr, wrr, lc, wlc, lblc, sh, mh, dh, ...)
 * @param flags IP_VS_SVC_F_* flags (persistent, hashed, one-packet, sh-fallback, sh-port, ...)
 * @param persistenceTimeoutSeconds {@code persistence_timeout}, 0 when not persistent
 * @param persistenceNetmask {@code persistence_granularity} as a netmask / prefix value
 */
public record IpvsService(IpvsServiceKey key, String scheduler, int flags, int persistenceTimeoutSeconds,
        int persistenceNetmask) {
}
