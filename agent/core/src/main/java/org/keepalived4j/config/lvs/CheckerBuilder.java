package org.keepalived4j.config.lvs;

import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.config.BfdCheckConfig;
import org.keepalived4j.config.CheckerConfig;
import org.keepalived4j.config.CheckerOptions;
import org.keepalived4j.config.ConnectionConfig;
import org.keepalived4j.config.DnsCheckConfig;
import org.keepalived4j.config.FileCheckConfig;
import org.keepalived4j.config.HttpCheckConfig;
import org.keepalived4j.config.MiscCheckConfig;
import org.keepalived4j.config.PingCheckConfig;
import org.keepalived4j.config.SmtpCheckConfig;
import org.keepalived4j.config.TcpCheckConfig;
import org.keepalived4j.config.TrackFileConfig;
import org.keepalived4j.config.UdpCheckConfig;
import org.keepalived4j.config.keyword.ParseContext;

/** Turns checker drafts into records, taking unset options from the real server (already resolved). */
final class CheckerBuilder {

    private final ParseContext ctx;
    private final List<TrackFileConfig> trackFiles;

    CheckerBuilder(ParseContext ctx, List<TrackFileConfig> trackFiles) {
        this.ctx = ctx;
        this.trackFiles = trackFiles;
    }

    /** The checkers of a real server whose alpha/retry/delays/timeouts are resolved from its virtual server. */
    List<CheckerConfig> build(RealServerDraft rs, String virtualhost) {
        List<CheckerConfig> out = new ArrayList<>();
        for (CheckerDraft ck : rs.checkers) {
            CheckerConfig built = build(rs, ck, virtualhost);
            if (built != null) {
                out.add(built);
            }
        }
        return out;
    }

    private CheckerConfig build(RealServerDraft rs, CheckerDraft ck, String virtualhost) {
        CheckerOptions options = options(rs, ck);
        ConnectionConfig connection = new ConnectionConfig(ck.connectIp != null ? ck.connectIp : rs.address,
                ck.connectPort != null ? ck.connectPort : rs.port, ck.bindTo, ck.bindPort, ck.bindInterface,
                ck.connectTimeout != null ? ck.connectTimeout : rs.connectTimeout, ck.fwmark);
        return switch (ck.type) {
            case "TCP_CHECK" -> new TcpCheckConfig(ck.location, options, connection);
            case "PING_CHECK" -> new PingCheckConfig(ck.location, options, connection);
            case "HTTP_GET", "SSL_GET" -> new HttpCheckConfig(ck.location, ck.type.equals("SSL_GET"), options,
                    connection, ck.httpProtocol, ck.virtualhost != null ? ck.virtualhost : virtualhost, ck.enableSni,
                    ck.fastRecovery, ck.urls.stream().map(UrlDraft::build).toList());
            case "SMTP_CHECK" -> new SmtpCheckConfig(ck.location, options, connection, ck.heloName);
            case "DNS_CHECK" -> new DnsCheckConfig(ck.location, options, connection, ck.dnsType, ck.dnsName);
            case "UDP_CHECK" -> udp(rs, ck, options, connection);
            case "MISC_CHECK" -> new MiscCheckConfig(ck.location, options, ck.miscPath, ck.miscTimeout,
                    ck.miscDynamic, ck.user, ck.group);
            case "FILE_CHECK" -> file(ck);
            case "BFD_CHECK" -> new BfdCheckConfig(ck.location, ck.bfdName);
            default -> throw new IllegalStateException(ck.type);
        };
    }

    private CheckerOptions options(RealServerDraft rs, CheckerDraft ck) {
        long delayLoop = ck.delayLoop != null ? ck.delayLoop : rs.delayLoop;
        int retry = ck.retry != null ? ck.retry : rs.retry != null ? rs.retry : ck.defaultRetry;
        long warmup = ck.warmup != null ? ck.warmup : rs.warmup != null ? rs.warmup : delayLoop;
        long delayBeforeRetry = ck.delayBeforeRetry != null ? ck.delayBeforeRetry
                : rs.delayBeforeRetry != null ? rs.delayBeforeRetry
                : ck.defaultDelayBeforeRetry != null ? ck.defaultDelayBeforeRetry : delayLoop;
        boolean alpha = ck.alpha != null ? ck.alpha : rs.alpha;
        return new CheckerOptions(alpha, retry, delayBeforeRetry, delayLoop, warmup, ck.logAllFailures);
    }

    private CheckerConfig udp(RealServerDraft rs, CheckerDraft ck, CheckerOptions options, ConnectionConfig c) {
        if (ck.minReplyLength > ck.maxReplyLength) {
            ctx.diagnostics().error(ck.location, "UDP_CHECK min_reply length " + ck.minReplyLength
                    + " > max_reply_length " + ck.maxReplyLength + " - will always fail");
        }
        return new UdpCheckConfig(ck.location, options, c, ck.payload, ck.requireReply, ck.replyPattern,
                ck.minReplyLength, ck.maxReplyLength);
    }

    private CheckerConfig file(CheckerDraft ck) {
        TrackFileConfig file = trackFiles.stream().filter(f -> f.name().equals(ck.trackFile)).findFirst().orElse(null);
        if (file == null) {
            ctx.diagnostics().error(ck.trackFileLocation, "track_file " + ck.trackFile + " not found");
            ctx.diagnostics().error(ck.end, "FILE_CHECK has no track_file specified - ignoring");
            return null;
        }
        int weight = ck.fileWeight != null && ck.fileWeight != 0 ? ck.fileWeight : file.weight();
        boolean reverse = ck.fileWeight != null && ck.fileWeight != 0 ? ck.fileReverse : file.reverse();
        return new FileCheckConfig(ck.location, file, weight, reverse);
    }
}
