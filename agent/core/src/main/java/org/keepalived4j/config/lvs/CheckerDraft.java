package org.keepalived4j.config.lvs;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.config.SourceLocation;

/** A checker block while it is read: the common options and every type's own fields. */
final class CheckerDraft {

    final String type;
    final SourceLocation location;
    /** The line of the block's closing brace, where keepalived reports what the block lacks. */
    final SourceLocation end;
    final int defaultRetry;
    /** The default delay_before_retry in microseconds, or null for "the delay_loop". */
    final Long defaultDelayBeforeRetry;

    Boolean alpha;
    Integer retry;
    Long delayBeforeRetry;
    Long delayLoop;
    Long warmup;
    boolean logAllFailures;
    InetAddress connectIp;
    Integer connectPort;
    InetAddress bindTo;
    int bindPort;
    String bindInterface;
    Long connectTimeout;
    long fwmark;

    String httpProtocol = "1.0";
    String virtualhost;
    boolean enableSni;
    boolean fastRecovery;
    final List<UrlDraft> urls = new ArrayList<>();

    String heloName = "smtpchecker.keepalived.org";
    String dnsType = "SOA";
    String dnsName = ".";

    String payload;
    boolean requireReply;
    String replyPattern;
    int minReplyLength;
    int maxReplyLength = 255;

    String miscPath;
    long miscTimeout;
    boolean miscDynamic;
    String user;
    String group;
    boolean userFailed;

    String trackFile;
    SourceLocation trackFileLocation;
    Integer fileWeight;
    boolean fileReverse;

    String bfdName;

    CheckerDraft(String type, SourceLocation location, SourceLocation end) {
        this.type = type;
        this.location = location;
        this.end = end;
        this.defaultRetry = switch (type) {
            case "MISC_CHECK" -> 0;
            case "DNS_CHECK" -> 3;
            default -> 1;
        };
        this.defaultDelayBeforeRetry = switch (type) {
            case "HTTP_GET", "SSL_GET" -> 3_000_000L;
            case "DNS_CHECK" -> null;
            default -> 1_000_000L;
        };
    }
}
