package org.keepalived4j.config.global;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.config.GarpConfig;
import org.keepalived4j.config.GlobalConfig;
import org.keepalived4j.config.LvsFlushOnStop;
import org.keepalived4j.config.NotifyFifoConfig;
import org.keepalived4j.config.NotifyScript;
import org.keepalived4j.config.RxBufferConfig;
import org.keepalived4j.config.SchedulingConfig;
import org.keepalived4j.config.SmtpConfig;
import org.keepalived4j.config.SnmpGlobalConfig;
import org.keepalived4j.config.keyword.IpLiterals;

/**
 * The values of {@code global_defs} and the top-level daemon keywords while the file is read;
 * parse-time only, turned into a {@link GlobalConfig} at the end. {@code null} means "not set".
 * The public fields and methods are the defaults the VRRP section reads while it completes its
 * instances, and the notify FIFOs its script check may drop; everything else stays here.
 */
public final class GlobalDraft {

    String routerId;
    final List<String> emails = new ArrayList<>();
    String emailFrom;
    String smtpServer;
    int smtpPort = 25;
    String smtpHelo;
    long smtpConnectTimeoutMicros = 30_000_000L;
    Boolean smtpAlert;
    Boolean smtpAlertVrrp;
    Boolean smtpAlertChecker;
    boolean noEmailFaults;
    boolean noCheckerEmails;
    InetAddress mcastGroup4;
    InetAddress mcastGroup6;
    public String defaultInterface;
    Long garpMasterDelayMicros;
    Integer garpMasterRepeat;
    Long garpLowerPrioDelayMicros;
    Integer garpLowerPrioRepeat;
    Long garpRefreshMicros;
    Integer garpRefreshRepeat;
    Long garpExtraIfMicros;
    boolean garpExtraIfAll;
    long garpIntervalMicros;
    long gnaIntervalMicros;
    boolean minGarp;
    int downTimerAdverts = 3;
    /** {@code vrrp_rx_bufs_policy} as keepalived keeps it: a size, or MTU, or ADVERT (MTU wins over ADVERT). */
    RxBufferConfig.Kind rxBufsPolicy = RxBufferConfig.Kind.NONE;
    long rxBufsSize;
    /** {@code vrrp_rx_bufs_multiplier}, default 3. */
    long rxBufsMultiplier = 3;
    /** {@code vrrp_rt_priority} (0: not set), {@code vrrp_rlimit_rttime}, {@code vrrp_priority}... */
    int vrrpRealtimePriority;
    long vrrpRealtimeLimitMicros = SchedulingConfig.DEFAULT_REALTIME_LIMIT_MICROS;
    int vrrpNice;
    List<Integer> vrrpCpus = List.of();
    boolean vrrpNoSwap;
    int maxAutoPriority;
    long minAutoDelayMicros = SchedulingConfig.DEFAULT_MIN_AUTO_DELAY_MICROS;
    public boolean lowerPrioNoAdvert;
    public boolean higherPrioSendAdvert;
    public int vrrpVersion = 2;
    public boolean checkUnicastSrc;
    public boolean skipCheckAdvAddr;
    public boolean strict;
    public boolean notifyPriorityChanges;
    long startupDelayMicros;
    String snmpSocket;
    boolean snmpVrrp;
    boolean snmpChecker;
    boolean snmpRfc;
    boolean snmpRfcV2;
    boolean snmpRfcV3;
    boolean snmpTraps;
    public String scriptUser;
    String scriptGroup;
    /** script_user was given but its user or group does not exist. */
    public boolean scriptUserFailed;
    /** {@code lvs_sync_daemon}'s interface and instance, once given (a second is ignored). */
    public String lvsSyncDaemon;
    public boolean scriptSecurity;
    public NotifyFifoConfig notifyFifo;
    public NotifyFifoConfig vrrpNotifyFifo;
    NotifyFifoConfig lvsNotifyFifo;
    boolean lvsFlush;
    LvsFlushOnStop lvsFlushOnStop = LvsFlushOnStop.NO;
    boolean rsInitNotifies;
    boolean checkerLogAllFailures;
    boolean dynamicInterfaces;
    String netNamespace;
    String netNamespaceIpvs;
    String instanceName;
    NotifyScript startupScript;
    NotifyScript shutdownScript;
    boolean linkbeatUsePolling;
    String nftablesTable;
    String lvsSyncDaemonInterface;

    public GarpConfig garp() {
        long masterDelay = garpMasterDelayMicros != null ? garpMasterDelayMicros : minGarp ? 0 : 5_000_000L;
        int masterRepeat = garpMasterRepeat != null ? garpMasterRepeat : minGarp ? 1 : 5;
        long refresh = garpRefreshMicros != null ? garpRefreshMicros : 0;
        int refreshRepeat = garpRefreshRepeat != null ? garpRefreshRepeat : minGarp ? 0 : 1;
        long lowerDelay = garpLowerPrioDelayMicros != null ? garpLowerPrioDelayMicros : masterDelay;
        int lowerRepeat = garpLowerPrioRepeat != null ? garpLowerPrioRepeat : masterRepeat;
        long extraIf = garpExtraIfMicros != null ? garpExtraIfMicros : 0;
        return new GarpConfig(masterDelay, masterRepeat, lowerDelay, lowerRepeat, refresh, refreshRepeat, extraIf,
                garpExtraIfAll);
    }

    /** {@code smtp_alert} for an instance or sync group that does not say: smtp_alert_vrrp, else smtp_alert. */
    public boolean vrrpSmtpAlert() {
        return smtpAlertVrrp != null ? smtpAlertVrrp : smtpAlert != null && smtpAlert;
    }

    /** The receive buffers of an instance without {@code kernel_rx_buf_size}. */
    public RxBufferConfig rxBuffers() {
        return switch (rxBufsPolicy) {
            case NONE -> RxBufferConfig.NONE;
            case SIZE -> rxBufsSize > 0 ? new RxBufferConfig(RxBufferConfig.Kind.SIZE, rxBufsSize)
                    : RxBufferConfig.NONE;
            case ADVERT, MTU -> new RxBufferConfig(rxBufsPolicy, rxBufsMultiplier);
        };
    }

    public GlobalConfig toConfig(String hostName) {
        SmtpConfig smtp = new SmtpConfig(emails, emailFrom != null ? emailFrom : "keepalived@" + hostName, smtpServer,
                smtpPort, smtpHelo != null ? smtpHelo : hostName, smtpConnectTimeoutMicros, smtpAlert, smtpAlertVrrp,
                smtpAlertChecker, noEmailFaults, noCheckerEmails);
        SnmpGlobalConfig snmp = new SnmpGlobalConfig(snmpSocket, snmpVrrp, snmpChecker, snmpRfc, snmpRfcV2, snmpRfcV3,
                snmpTraps);
        return new GlobalConfig(routerId != null ? routerId : hostName, smtp,
                mcastGroup4 != null ? mcastGroup4 : IpLiterals.parse("224.0.0.18"),
                mcastGroup6 != null ? mcastGroup6 : IpLiterals.parse("ff02::12"),
                defaultInterface != null ? defaultInterface : "eth0", garp(), garpIntervalMicros, gnaIntervalMicros,
                minGarp, downTimerAdverts, lowerPrioNoAdvert, higherPrioSendAdvert, vrrpVersion, checkUnicastSrc,
                skipCheckAdvAddr, strict, notifyPriorityChanges, startupDelayMicros, snmp, scriptUser, scriptGroup,
                scriptSecurity, notifyFifo, vrrpNotifyFifo, lvsNotifyFifo, lvsFlush, lvsFlushOnStop, rsInitNotifies,
                checkerLogAllFailures, dynamicInterfaces, netNamespace, instanceName, startupScript, shutdownScript,
                new SchedulingConfig(vrrpRealtimePriority, vrrpRealtimeLimitMicros, vrrpNice, vrrpCpus, vrrpNoSwap,
                        maxAutoPriority, minAutoDelayMicros), linkbeatUsePolling);
    }
}
