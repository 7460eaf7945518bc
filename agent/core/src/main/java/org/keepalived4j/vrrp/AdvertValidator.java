package org.keepalived4j.vrrp;

import java.util.List;
import org.keepalived4j.config.AuthType;
import org.keepalived4j.config.UnicastPeer;
import org.keepalived4j.config.VrrpInstanceConfig;
import org.keepalived4j.vrrp.packet.IpMetadata;
import org.keepalived4j.vrrp.packet.VrrpAddress;
import org.keepalived4j.vrrp.packet.VrrpChecksumMode;
import org.keepalived4j.vrrp.packet.VrrpDecodeError;
import org.keepalived4j.vrrp.packet.VrrpDecodeResult;
import org.keepalived4j.vrrp.packet.VrrpPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a received advertisement may be processed by one instance, in the order
 * keepalived 2.2.7 checks (vrrp_check_packet), incrementing the matching counter when not
 * (RFC 3768 section 7.1, RFC 5798 section 7.1). One difference, deliberate: a VRRPv2 advert
 * whose interval differs from ours is counted in {@code advert_interval_err} (keepalived drops
 * it without counting, leaving that counter always 0; RFC 2787's
 * vrrpStatsAdvertiseIntervalErrors counts it).
 */
final class AdvertValidator {

    private static final Logger LOG = LoggerFactory.getLogger(AdvertValidator.class);
    /** A flood of bad packets is counted in full but logged at most once per interval. */
    private static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

    private final VrrpInstanceConfig config;
    private final VrrpStats stats;
    private final byte[] password;
    private final List<VrrpAddress> vips;
    private boolean oldUnicastChecksum;
    private long lastLogNanos = System.nanoTime() - LOG_INTERVAL_NANOS;

    AdvertValidator(VrrpInstanceConfig config, VrrpStats stats) {
        this.config = config;
        this.stats = stats;
        this.password = config.auth().passwordBytes();
        this.vips = config.vips().stream().map(v -> VrrpAddress.of(v.address().address())).toList();
        this.oldUnicastChecksum = config.transport().oldUnicastChecksum();
    }

    /**
     * Whether the advert is acceptable.
     *
     * @param currentMaster the address of the master we follow, or {@code null}: with
     *        {@code skip_check_adv_addr} its adverts skip the address-list check
     */
    boolean accept(ReceivedAdvert advert, VrrpAddress currentMaster) {
        VrrpDecodeResult r = advert.result();
        VrrpPacket p = r.packet();
        IpMetadata ip = r.ip();
        if (r.has(VrrpDecodeError.AH_AUTHENTICATION)) {
            return reject("received AH header but auth type not AH", () -> stats.authtypeMismatch++);
        }
        if (r.has(VrrpDecodeError.LENGTH_MISMATCH)) {
            return reject("vrrp packet length does not match its address count", () -> stats.packetLenErr++);
        }
        if (p == null || ip == null) {
            return reject("undecodable packet (" + r.error() + ")", () -> { });
        }
        boolean unicast = config.transport().unicast();
        if (!unicast && r.has(VrrpDecodeError.TTL_NOT_255)) {
            return reject("invalid TTL/HL " + ip.ttl() + ", expected 255", () -> stats.ipTtlErr++);
        }
        if (r.has(VrrpDecodeError.BAD_VERSION) || p.version() != config.version()) {
            return reject("wrong version " + p.version() + ", expected " + config.version(), () -> { });
        }
        if (p.version() == 2 && !v2Acceptable(r, p)) {
            return false;
        }
        if (r.has(VrrpDecodeError.INVALID_TYPE)) {
            return reject("invalid packet type " + p.type(), () -> stats.invalidTypeRcvd++);
        }
        boolean checkVips = !config.skipCheckAdvAddr() || currentMaster == null || !currentMaster.equals(ip.source());
        if (checkVips && p.addresses().size() != vips.size()) {
            return reject("unexpected address count " + p.addresses().size() + ", expected " + vips.size(),
                    () -> stats.addrListErr++);
        }
        if (r.has(VrrpDecodeError.TOTAL_LENGTH_MISMATCH)) {
            return reject("IP total length does not match the received length", () -> stats.packetLenErr++);
        }
        if (!checksumOk(r, unicast)) {
            return reject("invalid VRRPv" + p.version() + " checksum", () -> { });
        }
        if (advert.multicastDestination() == unicast) {
            return reject("expected " + (unicast ? "unicast" : "multicast") + " packet", () -> stats.addrListErr++);
        }
        stats.advertRcvd++;
        if (checkVips && !addressesAcceptable(p, ip)) {
            return false;
        }
        if (p.priority() == 0) {
            stats.priZeroRcvd++;
        }
        return true;
    }

    private boolean v2Acceptable(VrrpDecodeResult r, VrrpPacket p) {
        if (r.has(VrrpDecodeError.INVALID_AUTH_TYPE)) {
            return reject("invalid auth type " + p.authType(), () -> stats.invalidAuthtype++);
        }
        AuthType ours = config.auth().type();
        if (p.authType() != ours.wireValue()) {
            return reject("received auth type " + p.authType() + ", expecting " + ours.wireValue(),
                    () -> stats.authtypeMismatch++);
        }
        if (ours == AuthType.PASS && !p.authDataMatches(password)) {
            return reject("received an invalid password", () -> stats.authFailure++);
        }
        if (p.advertIntervalMicros() != config.advertIntervalMicros()) {
            return reject("advertisement interval mismatch: mine " + config.advertIntervalMicros() / 1_000_000
                    + " s, received " + p.advertInterval() + " s", () -> stats.advertIntervalErr++);
        }
        return true;
    }

    private boolean checksumOk(VrrpDecodeResult r, boolean unicast) {
        if (config.ipv6()) {
            return r.checksumMatches(VrrpChecksumMode.KERNEL);
        }
        if (config.version() == 3 && unicast && oldUnicastChecksum) {
            return r.checksumMatches(VrrpChecksumMode.OLD_UNICAST_CHECKSUM);
        }
        if (r.checksumMatches(VrrpChecksumMode.STANDARD)) {
            return true;
        }
        if (config.version() == 3 && unicast && r.checksumMatches(VrrpChecksumMode.OLD_UNICAST_CHECKSUM)) {
            LOG.info("({}) peer uses the pre-1.3.6 unicast VRRPv3 checksum; switching to it", config.name());
            oldUnicastChecksum = true;
            return true;
        }
        return false;
    }

    /** Whether our adverts must use the old unicast VRRPv3 checksum (configured or detected). */
    boolean oldUnicastChecksum() {
        return oldUnicastChecksum;
    }

    private boolean addressesAcceptable(VrrpPacket p, IpMetadata ip) {
        // indexed: runs for every advert, and an iterator would be an allocation each time
        for (int i = 0; i < vips.size(); i++) {
            VrrpAddress vip = vips.get(i);
            if (!p.addresses().contains(vip)) {
                return reject("address " + vip + " associated with VRID " + config.vrid()
                        + " not present in MASTER advert", () -> stats.addrListErr++);
            }
        }
        if (!config.transport().unicast() || !config.transport().checkUnicastSrc()) {
            return true;
        }
        for (UnicastPeer peer : config.transport().unicastPeers()) {
            if (VrrpAddress.of(peer.address()).equals(ip.source())) {
                if (ip.ttl() != -1 && (ip.ttl() < peer.minTtl() || ip.ttl() > peer.maxTtl())) {
                    return reject("TTL/HL " + ip.ttl() + " not in range " + peer.minTtl() + " - " + peer.maxTtl(),
                            () -> stats.ipTtlErr++);
                }
                return true;
            }
        }
        return reject("unicast source address " + ip.source() + " not a unicast peer", () -> { });
    }

    private boolean reject(String why, Runnable count) {
        count.run();
        long now = System.nanoTime();
        if (now - lastLogNanos >= LOG_INTERVAL_NANOS || LOG.isDebugEnabled()) {
            lastLogNanos = now;
            LOG.info("({}) {} - packet dropped", config.name(), why);
        }
        return false;
    }
}
