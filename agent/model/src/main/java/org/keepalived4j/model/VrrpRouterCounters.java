package org.keepalived4j.model;

/**
 * VRRP packets that no instance could take, counted for the whole daemon (RFC 2787's
 * vrrpRouterChecksumErrors, vrrpRouterVersionErrors, vrrpRouterVrIdErrors).
 *
 * @param checksumErrors packets whose VRRP checksum was wrong
 * @param versionErrors packets of an unknown VRRP version
 * @param vridErrors packets for a VRID no instance on that interface has
 */
public record VrrpRouterCounters(long checksumErrors, long versionErrors, long vridErrors) {

    public static final VrrpRouterCounters ZERO = new VrrpRouterCounters(0, 0, 0);
}
