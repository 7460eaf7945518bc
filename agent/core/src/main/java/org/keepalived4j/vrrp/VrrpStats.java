package org.keepalived4j.vrrp;

import org.keepalived4j.model.VrrpCounters;

/**
 * keepalived's per-instance counters. Only the VRRP loop thread increments them (so plain
 * increments of volatile fields are safe); exporters read them at any time.
 */
final class VrrpStats {

    volatile long advertRcvd;
    volatile long advertSent;
    volatile long becomeMaster;
    volatile long releaseMaster;
    volatile long packetLenErr;
    volatile long advertIntervalErr;
    volatile long ipTtlErr;
    volatile long invalidTypeRcvd;
    volatile long addrListErr;
    volatile long invalidAuthtype;
    volatile long authtypeMismatch;
    volatile long authFailure;
    volatile long priZeroRcvd;
    volatile long priZeroSent;
    /** VRRPv2 adverts dropped for another interval; keepalived counts them nowhere. */
    volatile long advertIntervalMismatch;
    /** Packets with a wrong VRRP checksum (RFC 2787 vrrpRouterChecksumErrors, summed over instances). */
    volatile long checksumErr;
    /** Packets of another VRRP version (RFC 2787 vrrpRouterVersionErrors, summed over instances). */
    volatile long versionErr;

    /**
     * A reload's replacement instance goes on counting where the old one stopped, as keepalived
     * carries an instance's statistics over a reload.
     */
    void carryFrom(VrrpStats from) {
        advertRcvd = from.advertRcvd;
        advertSent = from.advertSent;
        becomeMaster = from.becomeMaster;
        releaseMaster = from.releaseMaster;
        packetLenErr = from.packetLenErr;
        advertIntervalErr = from.advertIntervalErr;
        ipTtlErr = from.ipTtlErr;
        invalidTypeRcvd = from.invalidTypeRcvd;
        addrListErr = from.addrListErr;
        invalidAuthtype = from.invalidAuthtype;
        authtypeMismatch = from.authtypeMismatch;
        authFailure = from.authFailure;
        priZeroRcvd = from.priZeroRcvd;
        priZeroSent = from.priZeroSent;
        advertIntervalMismatch = from.advertIntervalMismatch;
        checksumErr = from.checksumErr;
        versionErr = from.versionErr;
    }

    VrrpCounters snapshot() {
        return new VrrpCounters(advertRcvd, advertSent, becomeMaster, releaseMaster, packetLenErr,
                advertIntervalErr, ipTtlErr, invalidTypeRcvd, addrListErr, invalidAuthtype, authtypeMismatch,
                authFailure, priZeroRcvd, priZeroSent, advertIntervalMismatch);
    }
}
