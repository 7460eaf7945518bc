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
import org.keepalived4j.vrrp.PacketLogLimiter.Reason;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a received advertisement may be processed by one instance, in the order
 * keepalived 2.2.7 checks (vrrp_check_packet), incrementing the matching counter when not
 * (RFC 3768 section 7.1, RFC 5798 section 7.1). A VRRPv2 advert whose interval differs from
 * ours is dropped without touching {@code advert_interval_err}, as keepalived 2.2.7 does (that
 * counter stays 0 there, and so in every exporter); it is counted apart, in
 * {@code advertIntervalMismatch}. The lines for dropped packets go through the instance's
 * {@link PacketLogLimiter}.
 */
final class AdvertValidator {

    private static final Logger LOG = LoggerFactory.getLogger(AdvertValidator.class);

    private final VrrpInstanceConfig config;
    private final VrrpStats stats;
    private final byte[] password;
    private final List<VrrpAddress> vips;
    private final PacketLogLimiter log;
    private boolean oldUnicastChecksum;
    /** The loop time of the advert being checked, for the log limiter. */
    private long now;
    private org.keepalived4j.model.VrrpPacketError rejected;

    AdvertValidator(VrrpInstanceConfig config, VrrpStats stats, PacketLogLimiter log) {
        this.config = config;
        this.stats = stats;
        this.log = log;
        this.password = config.auth().passwordBytes();
        this.vips = config.vips().stream().map(v -> VrrpAddress.of(v.address().address())).toList();
        this.oldUnicastChecksum = config.transport().oldUnicastChecksum();
    }

    /**
     * Whether the advert is acceptable.
     *
     * @param currentMaster the address of the master we follow, or {@code null}: with
     *        {@code skip_check_adv_addr} its adverts skip the address-list check
     * @param now the loop time
     */
    boolean accept(ReceivedAdvert advert, VrrpAddress currentMaster, long now) {
        this.now = now;
        this.rejected = null;
        VrrpDecodeResult r = advert.result();
        VrrpPacket p = r.packet();
        IpMetadata ip = r.ip();
        if (r.has(VrrpDecodeError.AH_AUTHENTICATION)) {
            stats.authtypeMismatch++;
            return reject(Reason.AH_HEADER, "received AH header but auth type not AH");
        }
        if (r.has(VrrpDecodeError.LENGTH_MISMATCH)) {
            stats.packetLenErr++;
            return reject(Reason.LENGTH, "vrrp packet length does not match its address count");
        }
        if (p == null || ip == null) {
            return reject(Reason.UNDECODABLE, "undecodable packet ({})", r.error());
        }
        boolean unicast = config.transport().unicast();
        if (!unicast && r.has(VrrpDecodeError.TTL_NOT_255)) {
            stats.ipTtlErr++;
            return reject(Reason.TTL, "invalid TTL/HL {}, expected 255", ip.ttl());
        }
        if (r.has(VrrpDecodeError.BAD_VERSION) || p.version() != config.version()) {
            stats.versionErr++;
            return reject(Reason.VERSION, "wrong version {}, expected {}", p.version(), config.version());
        }
        if (p.version() == 2 && !v2Acceptable(r, p)) {
            return false;
        }
        if (r.has(VrrpDecodeError.INVALID_TYPE)) {
            stats.invalidTypeRcvd++;
            return reject(Reason.TYPE, "invalid packet type {}", p.type());
        }
        boolean checkVips = !config.skipCheckAdvAddr() || currentMaster == null || !currentMaster.equals(ip.source());
        if (checkVips && p.addresses().size() != vips.size()) {
            stats.addrListErr++;
            return reject(Reason.ADDRESS_COUNT, "unexpected address count {}, expected {}", p.addresses().size(),
                    vips.size());
        }
        if (r.has(VrrpDecodeError.TOTAL_LENGTH_MISMATCH)) {
            stats.packetLenErr++;
            return reject(Reason.TOTAL_LENGTH, "IP total length does not match the received length");
        }
        if (!checksumOk(r, unicast)) {
            stats.checksumErr++;
            return reject(Reason.CHECKSUM, "invalid VRRPv{} checksum", p.version());
        }
        if (advert.multicastDestination() == unicast) {
            stats.addrListErr++;
            return reject(Reason.CAST, "expected {} packet", unicast ? "unicast" : "multicast");
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
            stats.invalidAuthtype++;
            return reject(Reason.AUTH_TYPE_INVALID, "invalid auth type {}", p.authType());
        }
        AuthType ours = config.auth().type();
        if (p.authType() != ours.wireValue()) {
            stats.authtypeMismatch++;
            return reject(Reason.AUTH_TYPE_MISMATCH, "received auth type {}, expecting {}", p.authType(),
                    ours.wireValue());
        }
        if (ours == AuthType.PASS && !p.authDataMatches(password)) {
            stats.authFailure++;
            return reject(Reason.AUTH_FAILURE, "received an invalid password");
        }
        if (p.advertIntervalMicros() != config.advertIntervalMicros()) {
            stats.advertIntervalMismatch++;
            return reject(Reason.INTERVAL, "advertisement interval mismatch: mine {} s, received {} s",
                    config.advertIntervalMicros() / 1_000_000, p.advertInterval());
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
                stats.addrListErr++;
                return reject(Reason.ADDRESS_LIST, "address {} associated with VRID {} not present in MASTER advert",
                        vip, config.vrid());
            }
        }
        if (!config.transport().unicast() || !config.transport().checkUnicastSrc()) {
            return true;
        }
        for (UnicastPeer peer : config.transport().unicastPeers()) {
            if (VrrpAddress.of(peer.address()).equals(ip.source())) {
                if (ip.ttl() != -1 && (ip.ttl() < peer.minTtl() || ip.ttl() > peer.maxTtl())) {
                    stats.ipTtlErr++;
                    return reject(Reason.UNICAST_TTL, "TTL/HL {} not in range {} - {}", ip.ttl(),
                            peer.minTtl(), peer.maxTtl());
                }
                return true;
            }
        }
        return reject(Reason.UNICAST_SOURCE, "unicast source address {} not a unicast peer", ip.source());
    }

    /**
     * What keepalived reports of the last advert {@link #accept} turned down (beyond counting
     * it), or {@code null}: set by each call.
     */
    org.keepalived4j.model.VrrpPacketError rejected() {
        return rejected;
    }

    /** Logs (rate-limited) why the packet is dropped; the caller has counted it. Always false. */
    private boolean reject(Reason reason, String why, Object... args) {
        rejected = reason.reported();
        if (log.allow(reason, now)) {
            LOG.info("(" + config.name() + ") " + why + " - packet dropped", args);
        }
        return false;
    }
}
