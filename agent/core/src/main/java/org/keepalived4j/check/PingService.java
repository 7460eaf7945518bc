package org.keepalived4j.check;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.keepalived4j.linux.IcmpEchoSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ICMP echo sockets every PING_CHECK shares: one per address family and source options,
 * each with one reader thread that completes the waiting checks (never a thread per check).
 */
final class PingService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PingService.class);
    private static final int IDENTIFIER = (int) (ProcessHandle.current().pid() & 0xffff);

    private record SocketKey(boolean ipv6, InetAddress bind, String bindInterface, long fwmark) {
    }

    private record Pending(InetAddress to, int sequence) {
    }

    private final Map<SocketKey, Channel> channels = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile boolean closed;

    /** One socket and its waiting checks. */
    private final class Channel {
        final IcmpEchoSocket socket;
        final Map<Pending, CompletableFuture<Boolean>> waiting = new ConcurrentHashMap<>();

        Channel(IcmpEchoSocket socket) {
            this.socket = socket;
            Thread reader = new Thread(this::read, "icmp-echo-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            while (!closed) {
                try {
                    IcmpEchoSocket.Reply reply = socket.receive();
                    if (reply == null || !socket.kernelIdentifier() && reply.identifier() != IDENTIFIER) {
                        continue;
                    }
                    CompletableFuture<Boolean> f = waiting.remove(new Pending(reply.from(), reply.sequence()));
                    if (f != null) {
                        f.complete(true);
                    }
                } catch (IOException e) {
                    if (!closed) {
                        LOG.warn("ICMP reader: {}", e.getMessage());
                    }
                }
            }
        }
    }

    /** Sends one echo request; the future completes when the reply arrives (the caller times it out). */
    CompletableFuture<Boolean> echo(InetAddress to, InetAddress bind, String bindInterface, long fwmark)
            throws IOException {
        boolean ipv6 = to.getAddress().length == 16;
        SocketKey key = new SocketKey(ipv6, bind, bindInterface, fwmark);
        Channel channel = channels.get(key);
        if (channel == null) {
            synchronized (this) {
                channel = channels.get(key);
                if (channel == null) {
                    channel = new Channel(IcmpEchoSocket.open(ipv6, bind, bindInterface, fwmark));
                    channels.put(key, channel);
                }
            }
        }
        int seq = sequence.incrementAndGet() & 0xffff;
        Pending pending = new Pending(to, seq);
        CompletableFuture<Boolean> reply = new CompletableFuture<>();
        channel.waiting.put(pending, reply);
        Channel owner = channel;
        reply.whenComplete((r, e) -> owner.waiting.remove(pending));
        channel.socket.send(to, IDENTIFIER, seq, ("keepalived4j" + seq).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return reply;
    }

    @Override
    public void close() {
        closed = true;
        channels.values().forEach(c -> c.socket.close());
        channels.clear();
    }

    @Override
    public String toString() {
        return "PingService" + Objects.toString(channels.keySet());
    }
}
