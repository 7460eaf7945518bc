package org.keepalived4j.exporter.alerts.syslog;

import org.keepalived4j.exporter.alerts.AlertTls;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Octet-counted frames ({@code LENGTH SP MESSAGE}) over TCP (RFC 6587) or TLS (RFC 5425), on one
 * connection kept open from alert to alert and made anew after any error.
 *
 * <p>Java's blocking sockets time out reads and connects but never writes: a receiver that
 * accepts and stops reading would, once the kernel buffers fill, hold a write forever. So every
 * operation on the connection (connect, handshake, write and flush, close) runs under a watchdog
 * that closes the plain TCP socket when {@code timeout} passes; closing a socket wakes a thread
 * blocked on it with an exception. For TLS the watchdog closes the TCP socket beneath the
 * {@link SSLSocket}, never the SSLSocket itself, whose close would wait for the very write lock
 * the stuck writer holds.
 *
 * <p>Before reusing a connection it is checked with a read of a millisecond: a syslog receiver
 * never sends, so end of stream means it closed the connection, and the message goes on a new
 * one instead of into a socket that can only answer with a reset.
 */
final class StreamTransport implements SyslogTransport {

    private static final int MAX = 8192;

    private final SyslogSettings settings;
    private final SyslogTarget target;
    private final int timeoutMillis;
    private final ScheduledThreadPoolExecutor watchdog;
    /** The TCP connection, closed by the watchdog, by {@link #close} and after errors. */
    private volatile Socket raw;
    /** {@link #raw}, or the TLS socket over it. */
    private Socket socket;
    private OutputStream out;

    StreamTransport(SyslogSettings settings) {
        this.settings = settings;
        this.target = settings.target();
        this.timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, settings.timeout().toMillis()));
        this.watchdog = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "alerts-" + settings.sinkName() + "-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.setRemoveOnCancelPolicy(true);
    }

    @Override
    public int maxBytes() {
        return MAX;
    }

    @Override
    public synchronized void send(byte[] message) throws IOException {
        if (socket != null && !alive()) {
            drop();
        }
        byte[] prefix = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[prefix.length + message.length];
        System.arraycopy(prefix, 0, frame, 0, prefix.length);
        System.arraycopy(message, 0, frame, prefix.length, message.length);
        try {
            if (socket == null) {
                connect();
            }
            withDeadline("writing", () -> {
                out.write(frame);
                out.flush();
            });
        } catch (IOException e) {
            drop();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket plain = new Socket();
        raw = plain;
        withDeadline("connecting", () -> {
            InetSocketAddress address = new InetSocketAddress(target.host(), target.port());
            if (address.isUnresolved()) {
                throw new IOException(target + ": unknown host " + target.host());
            }
            plain.setSoTimeout(timeoutMillis);
            plain.connect(address, timeoutMillis);
            Socket s = plain;
            if (target.transport() == SyslogTarget.Transport.TLS) {
                s = handshake(plain);
            }
            socket = s;
            out = s.getOutputStream();
        });
    }

    private SSLSocket handshake(Socket plain) throws IOException {
        SSLSocket ssl;
        try {
            ssl = (SSLSocket) AlertTls.context(settings.tlsCa(), settings.tlsInsecure()).getSocketFactory()
                    .createSocket(plain, target.host(), target.port(), true);
        } catch (GeneralSecurityException e) {
            throw new IOException(target + ": TLS: " + e.getMessage(), e);
        }
        if (!settings.tlsInsecure()) {
            // RFC 5425 section 5.2: the certificate must name the host we asked for
            SSLParameters parameters = ssl.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(parameters);
        }
        ssl.startHandshake();
        return ssl;
    }

    /** Whether the open connection may take a message: the receiver neither closed it nor reset it. */
    private boolean alive() {
        try {
            socket.setSoTimeout(1);
            try {
                // a receiver sends nothing: data here is discarded, only the end of stream matters
                return socket.getInputStream().read() >= 0;
            } finally {
                socket.setSoTimeout(timeoutMillis);
            }
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private interface Io {
        void run() throws IOException;
    }

    /** Runs {@code io}, closing the TCP socket if it takes longer than the timeout, and then says so. */
    private void withDeadline(String what, Io io) throws IOException {
        Socket victim = raw;
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            fired.set(true);
            closeQuietly(victim);
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        try {
            io.run();
        } catch (IOException e) {
            if (fired.get()) {
                var timeout = new SocketTimeoutException(target + ": " + what + " took longer than "
                        + formatTimeout(settings.timeout()));
                timeout.initCause(e);
                throw timeout;
            }
            throw e;
        } finally {
            // finished just as the watchdog closed the socket: done, and alive() sends the next one elsewhere
            alarm.cancel(false);
        }
    }

    private static String formatTimeout(Duration d) {
        return org.keepalived4j.model.Settings.formatSeconds(d) + " s";
    }

    /** Forgets the connection: a TLS close_notify if it goes out in time, then the TCP socket closed. */
    private void drop() {
        Socket s = socket;
        socket = null;
        out = null;
        if (s != null && s != raw) {
            try {
                withDeadline("closing", s::close);
            } catch (IOException e) {
                // the TCP socket closes below regardless
            }
        }
        closeQuietly(raw);
        raw = null;
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing is all that was wanted
            }
        }
    }

    @Override
    public void close() {
        // first wake a send stuck on the connection, then tidy up once it has let go
        closeQuietly(raw);
        synchronized (this) {
            drop();
        }
        watchdog.shutdownNow();
    }
}
