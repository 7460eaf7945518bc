package org.keepalived4j.exporter.prometheus;

import java.util.function.ToLongFunction;
import org.keepalived4j.model.VrrpCounters;

/**
 * keepalived's per-instance statistics, with the names the common keepalived exporter gives
 * them now ({@link #compatibleName}, a counter that gains {@code _total}) and the names its
 * early releases used ({@link #legacyName}, still queried by its published Grafana dashboard).
 */
enum VrrpCounter {
    ADVERT_RCVD("keepalived_advertisements_received", "keepalived_advert_rcvd",
            "Advertisements received and accepted for the instance", VrrpCounters::advertRcvd),
    ADVERT_SENT("keepalived_advertisements_sent", "keepalived_advert_sent",
            "Advertisements sent by the instance", VrrpCounters::advertSent),
    BECOME_MASTER("keepalived_become_master", "keepalived_become_master",
            "Transitions of the instance into MASTER", VrrpCounters::becomeMaster),
    RELEASE_MASTER("keepalived_release_master", "keepalived_release_master",
            "Transitions of the instance out of MASTER", VrrpCounters::releaseMaster),
    PACKET_LEN_ERR("keepalived_packet_length_errors", "keepalived_packet_len_err",
            "Packets dropped because their length did not match their contents", VrrpCounters::packetLenErr),
    ADVERT_INTERVAL_ERR("keepalived_advertisements_interval_errors", "keepalived_advert_interval_err",
            "keepalived's advert_interval_err: always 0, as in keepalived 2.2.7 (see "
                    + "keepalived_vrrp_advert_interval_mismatch_total)", VrrpCounters::advertIntervalErr),
    IP_TTL_ERR("keepalived_ip_ttl_errors", "keepalived_ip_ttl_err",
            "Packets whose IP TTL or hop limit was not 255", VrrpCounters::ipTtlErr),
    INVALID_TYPE_RCVD("keepalived_invalid_type_received", "keepalived_invalid_type_rcvd",
            "Packets whose VRRP type was not ADVERTISEMENT", VrrpCounters::invalidTypeRcvd),
    ADDR_LIST_ERR("keepalived_address_list_errors", "keepalived_addr_list_err",
            "Advertisements whose address list did not match the instance's virtual addresses",
            VrrpCounters::addrListErr),
    INVALID_AUTHTYPE("keepalived_authentication_invalid", "keepalived_invalid_authtype",
            "Packets with an unknown authentication type", VrrpCounters::invalidAuthtype),
    AUTHTYPE_MISMATCH("keepalived_authentication_mismatch", "keepalived_authtype_mismatch",
            "Packets whose authentication type differed from the instance's", VrrpCounters::authtypeMismatch),
    AUTH_FAILURE("keepalived_authentication_failure", "keepalived_auth_failure",
            "Packets whose authentication data did not match", VrrpCounters::authFailure),
    PRI_ZERO_RCVD("keepalived_priority_zero_received", "keepalived_pri_zero_rcvd",
            "Priority-0 advertisements received (a master stepping down)", VrrpCounters::priZeroRcvd),
    PRI_ZERO_SENT("keepalived_priority_zero_sent", "keepalived_pri_zero_sent",
            "Priority-0 advertisements sent", VrrpCounters::priZeroSent);

    final String compatibleName;
    final String legacyName;
    final String help;
    final ToLongFunction<VrrpCounters> value;

    VrrpCounter(String compatibleName, String legacyName, String help, ToLongFunction<VrrpCounters> value) {
        this.compatibleName = compatibleName;
        this.legacyName = legacyName;
        this.help = help;
        this.value = value;
    }
}
