package org.keepalived4j.check;

import io.netty.channel.EventLoop;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.keepalived4j.config.ConnectionConfig;

/**
 * DNS_CHECK: one query (random id, recursion desired, class IN) for {@code name}/{@code type};
 * the answer must carry the same id, be a response, and have rcode 0.
 */
final class DnsProbe implements Probe {

    static final Map<String, Integer> TYPES = Map.of("A", 1, "NS", 2, "CNAME", 5, "SOA", 6, "MX", 15, "TXT", 16,
            "AAAA", 28);

    private final DatagramExchange exchange;
    private final int type;
    private final String name;

    DnsProbe(NettyTransport transport, EventLoop loop, ConnectionConfig c, String type, String name) {
        this.exchange = new DatagramExchange(transport, loop, c);
        this.type = TYPES.get(type);
        this.name = name;
    }

    @Override
    public CompletableFuture<CheckResult> run() {
        int id = ThreadLocalRandom.current().nextInt(0x10000);
        return exchange.exchange(query(id, name, type), reply -> judge(id, reply),
                CheckResult.failed("read timeout"));
    }

    static CheckResult judge(int id, byte[] reply) {
        if (reply.length < 12 || ((reply[0] & 0xff) << 8 | reply[1] & 0xff) != id || (reply[2] & 0x80) == 0) {
            return null;
        }
        int rcode = reply[3] & 0x0f;
        return rcode == 0 ? CheckResult.ok("DNS answer") : CheckResult.failed("rcode " + rcode);
    }

    static byte[] query(int id, String name, int type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.write(id >> 8);
        out.write(id);
        out.write(0x01);
        out.write(0x00);
        out.writeBytes(new byte[] {0, 1, 0, 0, 0, 0, 0, 0});
        for (String label : name.split("\\.")) {
            if (label.isEmpty()) {
                continue;
            }
            byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        out.write(0);
        out.write(type >> 8);
        out.write(type);
        out.write(0);
        out.write(1);
        return out.toByteArray();
    }
}
