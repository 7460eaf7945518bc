package org.keepalived4j.model;

/**
 * global_defs as configured, as far as the daemon's state and alerts depend on them.
 *
 * @param routerId {@code router_id}, or {@code null} when not set (the daemon then uses the host name)
 * @param mail the {@code smtp_alert} mail settings
 * @param trapsEnabled {@code enable_traps}
 * @param snmpVrrp {@code enable_snmp_vrrp} (or the old {@code enable_snmp_keepalived})
 * @param snmpChecker {@code enable_snmp_checker}
 * @param snmpRfcV2 {@code enable_snmp_rfcv2} (or {@code enable_snmp_rfc})
 * @param snmpRfcV3 {@code enable_snmp_rfcv3} (or {@code enable_snmp_rfc})
 * @param snmpSocket {@code snmp_socket}, or {@code null} for snmpd's default
 * @param linkbeatPolling {@code linkbeat_use_polling}
 * @param lvsFlush {@code lvs_flush}
 * @param lvsFlushOnStop {@code lvs_flush_onstop}: {@code no} (not given: each real server, then each
 *        virtual server the daemon added, is removed at a stop), {@code full} (the whole IPVS table)
 *        or {@code vs} (each virtual server the daemon added)
 * @param netNamespace {@code net_namespace}, or {@code null}
 * @param dynamicInterfaces {@code dynamic_interfaces}
 * @param scriptUser {@code script_user}, or {@code null}
 * @param scriptSecurity {@code enable_script_security}
 * @param notifyFifos the notify FIFOs configured ({@code notify_fifo}, {@code vrrp_notify_fifo},
 *        {@code lvs_notify_fifo}), in that order
 */
public record GlobalSettings(String routerId, MailSettings mail, boolean trapsEnabled, boolean snmpVrrp,
        boolean snmpChecker, boolean snmpRfcV2, boolean snmpRfcV3, String snmpSocket, boolean linkbeatPolling,
        boolean lvsFlush, String lvsFlushOnStop, String netNamespace, boolean dynamicInterfaces, String scriptUser,
        boolean scriptSecurity, java.util.List<NotifyFifoSettings> notifyFifos) {

    public GlobalSettings {
        notifyFifos = notifyFifos == null ? java.util.List.of() : java.util.List.copyOf(notifyFifos);
    }

    /** Settings without a notify FIFO. */
    public GlobalSettings(String routerId, MailSettings mail, boolean trapsEnabled, boolean snmpVrrp,
            boolean snmpChecker, boolean snmpRfcV2, boolean snmpRfcV3, String snmpSocket, boolean linkbeatPolling,
            boolean lvsFlush, String lvsFlushOnStop, String netNamespace, boolean dynamicInterfaces, String scriptUser,
            boolean scriptSecurity) {
        this(routerId, mail, trapsEnabled, snmpVrrp, snmpChecker, snmpRfcV2, snmpRfcV3, snmpSocket, linkbeatPolling,
                lvsFlush, lvsFlushOnStop, netNamespace, dynamicInterfaces, scriptUser, scriptSecurity,
                java.util.List.of());
    }
}
