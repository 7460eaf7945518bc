package org.keepalived4j.check;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.keepalived4j.config.ConnectionConfig;

/**
 * {@code keepalived4j genhash}: fetches a page as HTTP_GET / SSL_GET do and prints the MD5
 * digest to put in a {@code url { digest ... }} block, the same digest keepalived's genhash
 * prints for the same page. Options as genhash's: {@code -s} server, {@code -p} port,
 * {@code -u} url, {@code -S} TLS, {@code -I} SNI, {@code -V} virtual host, {@code -P} protocol
 * (1.0, 1.0c, 1.1), {@code -t} timeout in seconds.
 */
public final class GenhashCommand {

    private static final Map<String, String> LONG = Map.of("--use-ssl", "-S", "--use-sni", "-I", "--server", "-s",
            "--port", "-p", "--url", "-u", "--use-virtualhost", "-V", "--protocol", "-P", "--timeout", "-t",
            "--help", "-h", "--verbose", "-v");

    private final PrintStream out;
    private final PrintStream err;

    public GenhashCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Entry point for {@code keepalived4j genhash ...}. */
    public static void main(String[] args) {
        System.exit(new GenhashCommand(System.out, System.err).run(args));
    }

    /** Runs the command; returns the process exit status. */
    public int run(String... args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String opt = LONG.getOrDefault(args[i], args[i]);
            switch (opt) {
                case "-S", "-I", "-v", "-h" -> opts.put(opt, "");
                case "-s", "-p", "-u", "-V", "-P", "-t", "-m" -> {
                    if (i + 1 >= args.length) {
                        return usage();
                    }
                    opts.put(opt, args[++i]);
                }
                default -> {
                    return usage();
                }
            }
        }
        if (opts.containsKey("-h") || !opts.containsKey("-s") || !opts.containsKey("-p") || !opts.containsKey("-u")) {
            return usage();
        }
        String protocol = switch (opts.getOrDefault("-P", "1.0")) {
            case "1.1" -> "1.1";
            case "1.0c", "1.0C" -> "1.0C";
            default -> "1.0";
        };
        try {
            InetAddress address = InetAddress.getByName(opts.get("-s"));
            int port = Integer.parseInt(opts.get("-p"));
            long timeoutMicros = (long) (Double.parseDouble(opts.getOrDefault("-t", "5")) * 1_000_000);
            return fetch(new ConnectionConfig(address, port, null, 0, null, timeoutMicros, 0), opts.get("-u"),
                    opts.get("-V"), protocol, opts.containsKey("-S"), opts.containsKey("-I"));
        } catch (UnknownHostException | NumberFormatException e) {
            err.println("invalid argument: " + e.getMessage());
            return 1;
        }
    }

    private int fetch(ConnectionConfig c, String path, String vhost, String protocol, boolean tls, boolean sni) {
        try (NettyTransport transport = new NettyTransport(1)) {
            HttpProbe probe = new HttpProbe(transport, transport.group().next(), c, protocol, vhost,
                    tls ? TlsContexts.client(null) : null, sni);
            HttpResponseReader r = probe.fetch(path, null, false).get(c.connectTimeoutMicros() * 4, TimeUnit.MICROSECONDS);
            if (!r.headerComplete()) {
                err.println("no data received from remote webserver");
                return 0;
            }
            out.println(r.digest());
            return 0;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            out.println(cause instanceof java.io.IOException io && io.getMessage() != null
                    && io.getMessage().startsWith("Timeout") ? "Connection timed out" : "Connection failed");
            return 0;
        } catch (TimeoutException e) {
            out.println("Connection timed out");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int usage() {
        out.println("Usage: genhash COMMAND [OPTIONS]");
        out.println("Commands:");
        out.println("   -s server-address -p port -u url");
        out.println("   -S -s server-address -p port -u url");
        out.println("   -h");
        out.println();
        out.println("Options:");
        out.println("   --use-ssl         -S       Use SSL connection to remote server.");
        out.println("   --use-sni         -I       Use SNI during SSL handshake (uses the -V virtual host).");
        out.println("   --server          -s       The remote server address.");
        out.println("   --port            -p       The remote server port.");
        out.println("   --url             -u       The url (path) to fetch.");
        out.println("   --use-virtualhost -V       The virtual host to send in the Host header.");
        out.println("   --protocol        -P       HTTP protocol: 1.0, 1.0c (1.0 with 'Connection: close'), 1.1.");
        out.println("   --timeout         -t       Timeout in seconds (default 5).");
        out.println("   --help            -h       This help.");
        return 1;
    }
}
