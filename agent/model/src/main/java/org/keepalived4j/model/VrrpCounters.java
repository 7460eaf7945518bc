package org.keepalived4j.model;

/**
 * keepalived's per-instance VRRP statistics (its JSON dump and {@code vrrpStatisticsTable}),
 * all monotonically increasing since the instance was created.
 *
 * @param advertRcvd advertisements received and accepted for this instance
 * @param advertSent advertisements sent
 * @param becomeMaster transitions into MASTER
 * @param releaseMaster transitions out of MASTER
 * @param packetLenErr packets dropped because their length did not match their contents
 * @param advertIntervalErr keepalived's {@code advert_interval_err}: always 0, as in keepalived 2.2.7,
 *        which drops a VRRPv2 advert with another interval without counting it (see
 *        {@code advertIntervalMismatch})
 * @param ipTtlErr packets whose IP TTL / hop limit was not 255
 * @param invalidTypeRcvd packets whose VRRP type was not ADVERTISEMENT
 * @param addrListErr advertisements whose address list did not match our virtual addresses
 * @param invalidAuthtype packets with an unknown authentication type
 * @param authtypeMismatch packets whose authentication type differed from ours
 * @param authFailure packets whose authentication data did not match
 * @param priZeroRcvd priority-0 advertisements received (a master stepping down)
 * @param priZeroSent priority-0 advertisements sent
 * @param advertIntervalMismatch VRRPv2 advertisements dropped because their interval differed from
 *        ours (keepalived4j's own count; keepalived counts them nowhere)
 */
public record VrrpCounters(
        long advertRcvd,
        long advertSent,
        long becomeMaster,
        long releaseMaster,
        long packetLenErr,
        long advertIntervalErr,
        long ipTtlErr,
        long invalidTypeRcvd,
        long addrListErr,
        long invalidAuthtype,
        long authtypeMismatch,
        long authFailure,
        long priZeroRcvd,
        long priZeroSent,
        long advertIntervalMismatch) {

    /** All counters zero. */
    public static final VrrpCounters ZERO = new VrrpCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
