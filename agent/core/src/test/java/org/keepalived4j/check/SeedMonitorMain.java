package org.keepalived4j.check;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keepalived4j.config.TextNodes;
import org.keepalived4j.config.LvsParsing;
import org.keepalived4j.config.VirtualServerConfig;
import org.keepalived4j.ipvs.InMemoryIpvsClient;
import org.keepalived4j.model.RealServerStateChanged;
import org.keepalived4j.model.VirtualServerQuorumChanged;

/**
 * Runs inside the seed test's network namespace: starts the seeds' real servers (HTTP, TLS,
 * TCP listeners on their addresses), runs the LVS service from the parsed seed configs in
 * monitor-only mode, and reports on stdout. Commands on stdin: {@code snap}, {@code stop
 * ADDRESS:PORT}, {@code quit}.
 */
public final class SeedMonitorMain {

    private SeedMonitorMain() {
    }

    public static void main(String[] args) throws Exception {
        Path tmp = Files.createTempDirectory("seed-tls");
        Map<String, AutoCloseable> servers = new LinkedHashMap<>();
        for (String address : List.of("172.18.200.100", "172.18.249.57", "127.0.0.1")) {
            HttpServer bound = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 80), 50);
            bound.createContext("/", ex -> {
                byte[] body = "seed page".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            bound.start();
            servers.put(address + ":80", () -> bound.stop(0));
        }
        HttpServer tls = TestServers.httpsOn(InetAddress.getByName("192.168.201.100"), 443, "seed tls page", tmp);
        servers.put("192.168.201.100:443", () -> tls.stop(0));
        for (String address : List.of("192.168.201.101:443", "192.168.233.20:80", "192.168.233.30:80")) {
            String[] hp = address.split(":");
            servers.put(address, new TcpListener(InetAddress.getByName(hp[0]), Integer.parseInt(hp[1])));
        }
        List<VirtualServerConfig> all = new ArrayList<>();
        for (String file : args) {
            String text = Files.readString(Path.of(file));
            LvsParsing.Result r = LvsParsing.parse(TextNodes.nodes(Path.of(file).getFileName().toString(), text),
                    null, List.of());
            r.messages().forEach(m -> System.out.println("DIAG " + m));
            all.addAll(r.lvs().virtualServers());
        }
        LvsService service = new LvsService(all, LvsSettings.DEFAULTS, new InMemoryIpvsClient(false), event -> {
            if (event instanceof RealServerStateChanged e) {
                System.out.println("RS " + e.virtualServer() + " " + e.realServer() + " " + (e.up() ? "up" : "down")
                        + " " + e.detail());
            } else if (event instanceof VirtualServerQuorumChanged q) {
                System.out.println("QUORUM " + q.virtualServer() + " " + (q.met() ? "met" : "lost"));
            }
        }, Clock.systemUTC());
        service.start();
        System.out.println("STARTED ipvs=" + service.ipvsAvailable());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null;) {
            if (line.equals("snap")) {
                service.virtualServers().forEach(vs -> vs.realServers().forEach(rs -> System.out.println("SNAP "
                        + vs.key() + " " + rs.key() + " alive=" + rs.alive() + " checked=" + (rs.lastCheck() != null)
                        + " result=" + rs.lastCheckResult())));
                System.out.println("END");
            } else if (line.startsWith("stop ")) {
                servers.remove(line.substring(5)).close();
                System.out.println("STOPPED " + line.substring(5));
            } else if (line.equals("quit")) {
                break;
            }
        }
        service.close();
        for (AutoCloseable c : servers.values()) {
            c.close();
        }
        System.exit(0);
    }
}
