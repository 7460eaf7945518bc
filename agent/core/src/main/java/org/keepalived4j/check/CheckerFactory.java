package org.keepalived4j.check;

import io.netty.handler.ssl.SslContext;
import org.keepalived4j.config.BfdCheckConfig;
import org.keepalived4j.config.CheckerConfig;
import org.keepalived4j.config.DnsCheckConfig;
import org.keepalived4j.config.FileCheckConfig;
import org.keepalived4j.config.HttpCheckConfig;
import org.keepalived4j.config.MiscCheckConfig;
import org.keepalived4j.config.PingCheckConfig;
import org.keepalived4j.config.SmtpCheckConfig;
import org.keepalived4j.config.TcpCheckConfig;
import org.keepalived4j.config.UdpCheckConfig;
import org.keepalived4j.exec.ScriptRunner;
import org.keepalived4j.exec.ScriptUser;
import org.keepalived4j.trackfile.TrackFileWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the running checker for each checker block, sharing the event loops, sockets and threads. */
final class CheckerFactory {

    private static final Logger LOG = LoggerFactory.getLogger(CheckerFactory.class);

    private final NettyTransport transport;
    private final LvsSettings settings;
    private final ScriptRunner scripts;
    private final PingService pings;
    private final TrackFileWatcher files;
    private final LagRecorder lag;
    private SslContext ssl;

    CheckerFactory(NettyTransport transport, LvsSettings settings, ScriptRunner scripts, PingService pings,
            TrackFileWatcher files, LagRecorder lag) {
        this.transport = transport;
        this.settings = settings;
        this.scripts = scripts;
        this.pings = pings;
        this.files = files;
        this.lag = lag;
    }

    /** The running checker, or {@code null} for a kind this daemon does not run (BFD_CHECK). */
    CheckerTask create(RealServerState rs, CheckerConfig config) {
        var loop = rs.loop();
        if (config instanceof TcpCheckConfig c) {
            return new CheckerTask(rs, c, c.options(), new TcpProbe(transport, loop, c.connection()), lag);
        }
        if (config instanceof HttpCheckConfig c) {
            return new HttpCheckerTask(rs, c, new HttpProbe(transport, loop, c.connection(), c.httpProtocol(),
                    c.virtualhost(), c.ssl() ? ssl() : null, c.enableSni()), lag);
        }
        if (config instanceof SmtpCheckConfig c) {
            return new CheckerTask(rs, c, c.options(), new SmtpProbe(transport, loop, c.connection(), c.heloName()),
                    lag);
        }
        if (config instanceof DnsCheckConfig c) {
            return new CheckerTask(rs, c, c.options(),
                    new DnsProbe(transport, loop, c.connection(), c.queryType(), c.name()), lag);
        }
        if (config instanceof UdpCheckConfig c) {
            return new CheckerTask(rs, c, c.options(), new UdpProbe(transport, loop, c), lag);
        }
        if (config instanceof PingCheckConfig c) {
            return new CheckerTask(rs, c, c.options(), new PingProbe(pings, loop, c.connection()), lag);
        }
        if (config instanceof MiscCheckConfig c) {
            return new CheckerTask(rs, c, c.options(), new MiscProbe(c, scripts, rs.config.weight(),
                    new ScriptUser(settings.scriptUser(), settings.scriptGroup())), lag);
        }
        if (config instanceof FileCheckConfig c) {
            return new FileCheckTask(rs, c, files);
        }
        BfdCheckConfig bfd = (BfdCheckConfig) config;
        LOG.warn("BFD_CHECK {} of {} is not supported; the real server is not tracked by it", bfd.name(), rs.key);
        return null;
    }

    private synchronized SslContext ssl() {
        if (ssl == null) {
            ssl = TlsContexts.client(settings.ssl());
        }
        return ssl;
    }
}
