package org.keepalived4j.vrrp;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.keepalived4j.vrrp.net.PollRegistration;
import org.keepalived4j.vrrp.net.Poller;
import org.keepalived4j.vrrp.net.RawVrrpSocket;
import org.keepalived4j.vrrp.net.RawVrrpSocketFactory;
import org.keepalived4j.vrrp.net.ReceivedVrrpPacket;
import org.keepalived4j.vrrp.net.VrrpSocketOptions;
import org.keepalived4j.vrrp.packet.VrrpAddress;
import org.keepalived4j.vrrp.packet.VrrpCodec;
import org.keepalived4j.vrrp.packet.VrrpDecodeResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The raw sockets of the engine, shared as keepalived shares them: one per interface,
 * family, multicast group or unicast source, and IP protocol. A received advert is decoded
 * once and handed to the instance its VRID selects. Loop thread only.
 */
final class SocketTable implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SocketTable.class);

    private record Key(int interfaceIndex, boolean ipv6, InetAddress group, InetAddress unicastSource, int protocol) {
    }

    /**
     * What an instance asks of the receive buffer of the socket it joins.
     *
     * @param configuredBytes its {@code kernel_rx_buf_size} / {@code vrrp_rx_bufs_policy} share, 0 if none
     * @param advertsPerSecond how many adverts a second its peers send at its {@code advert_int}
     */
    record RxShare(long configuredBytes, int advertsPerSecond) {
    }

    /**
     * What one queued advert costs a raw socket's receive buffer: the kernel charges a packet's
     * whole buffer (832 bytes for a VRRP advert on a veth here, about 2 KiB on many NICs).
     */
    static final int ADVERT_QUEUE_COST = 2048;
    /** How long the loop may be held up (GC pause, CPU starvation) without an advert being dropped. */
    static final int STALL_SECONDS = 1;
    /** The most the default sizing asks for. */
    static final int MAX_DEFAULT_BUFFER = 64 << 20;

    /**
     * What to pass to SO_RCVBUF for a socket: with configured shares their sum, as keepalived
     * does; otherwise half of {@link #STALL_SECONDS} of adverts (the kernel doubles the
     * request), at most {@link #MAX_DEFAULT_BUFFER}, and never less than the kernel gave.
     *
     * @param configured the sum of the instances' configured shares, bytes
     * @param advertsPerSecond the sum of their advert rates
     * @param kernelDefault the buffer the socket had when opened (getsockopt, already doubled)
     */
    static int receiveBufferRequest(long configured, long advertsPerSecond, int kernelDefault) {
        if (configured > 0) {
            return (int) Math.min(configured, Integer.MAX_VALUE);
        }
        long budget = Math.min(advertsPerSecond * STALL_SECONDS * ADVERT_QUEUE_COST, MAX_DEFAULT_BUFFER);
        return (int) (Math.max(budget, kernelDefault) / 2);
    }

    /** One open socket and the instances that use it. */
    final class Shared {
        private final Key key;
        private final RawVrrpSocket socket;
        private final PollRegistration registration;
        /** The instances on this socket by VRID (an array: looking one up boxes nothing). */
        @SuppressWarnings("unchecked")
        private final List<VrrpInstance>[] byVrid = new List[256];
        private final AdvertMemo memo = new AdvertMemo();
        private final Map<VrrpInstance, RxShare> shares = new HashMap<>();
        /** The buffer the kernel gave the socket when it was opened. */
        private final int kernelDefault;
        /** What was last asked of the kernel (SO_RCVBUF's argument), 0 before that. */
        private int asked;
        private boolean askedConfigured;

        private Shared(Key key, RawVrrpSocket socket) throws IOException {
            this.key = key;
            this.socket = socket;
            this.kernelDefault = socket.receiveBuffer();
            this.registration = poller.register(socket.fd(), (fd, failed) -> drain());
        }

        /**
         * Sizes the receive buffer for the instances now sharing the socket. With a configured
         * share, keepalived's rule: SO_RCVBUF with the sum of the shares. Without one, room for
         * {@link #STALL_SECONDS} of every instance's adverts (never less than the kernel's
         * default), so that a loop held up that long still reads every advert, before any timer
         * fires, instead of losing them to a full buffer and taking over from a live master.
         */
        private void sizeReceiveBuffer() {
            long configured = 0;
            long adverts = 0;
            for (RxShare share : shares.values()) {
                configured += share.configuredBytes();
                adverts += share.advertsPerSecond();
            }
            boolean isConfigured = configured > 0;
            int ask = receiveBufferRequest(configured, adverts, kernelDefault);
            if (shares.isEmpty() || (ask == asked && isConfigured == askedConfigured)) {
                return;
            }
            try {
                socket.setReceiveBuffer(ask, !isConfigured);
                asked = ask;
                askedConfigured = isConfigured;
                if (LOG.isDebugEnabled()) {
                    LOG.debug("VRRP socket on interface index {}: receive buffer {} bytes for {} instance(s){}",
                            key.interfaceIndex(), socket.receiveBuffer(), shares.size(), isConfigured
                                    ? " (kernel_rx_buf_size / vrrp_rx_bufs_policy)"
                                    : ", room for " + STALL_SECONDS + " s of adverts");
                }
            } catch (IOException e) {
                LOG.warn("VRRP socket on interface index {}: cannot set the receive buffer to {} bytes: {}",
                        key.interfaceIndex(), ask, e.getMessage());
            }
        }

        RawVrrpSocket socket() {
            return socket;
        }

        private void drain() {
            try {
                while (socket.receive(buffer, 0, buffer.length, received)) {
                    dispatch(this, received);
                }
            } catch (IOException e) {
                LOG.warn("receive on {} failed: {}", key, e.getMessage());
            }
        }
    }

    private final Poller poller;
    private final RawVrrpSocketFactory factory;
    private VrrpCodec codec;
    private final LongSupplier clock;
    private final Map<Key, Shared> sockets = new HashMap<>();
    private final byte[] buffer = new byte[65536];
    /** One reusable view of {@link #buffer}: decoding a packet allocates no buffer object. */
    private final ByteBuffer view = ByteBuffer.wrap(buffer);
    private final ReceivedVrrpPacket received = new ReceivedVrrpPacket();
    private final byte[] addressScratch = new byte[16];
    private long malformed;
    private long unknownVrid;

    SocketTable(Poller poller, RawVrrpSocketFactory factory, VrrpCodec codec, LongSupplier clock) {
        this.poller = poller;
        this.factory = factory;
        this.codec = codec;
        this.clock = clock;
    }

    /**
     * Decodes with {@code next} from now on ({@code vrrp_mcast_group4} changed: the old unicast
     * VRRPv3 checksum uses it); adverts decoded with the previous codec are forgotten.
     */
    void codec(VrrpCodec next) {
        codec = next;
        for (Shared shared : sockets.values()) {
            shared.memo.clear();
        }
    }

    Shared acquire(VrrpSocketOptions options, VrrpInstance instance, RxShare share) throws IOException {
        Key key = new Key(options.interfaceIndex(), options.ipv6(), options.multicastGroup(),
                options.isMulticast() ? null : options.sourceAddress(), options.ipProtocol());
        Shared shared = sockets.get(key);
        if (shared == null) {
            RawVrrpSocket socket = factory.open(options);
            try {
                shared = new Shared(key, socket);
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
            sockets.put(key, shared);
        }
        int vrid = instance.config().vrid();
        if (shared.byVrid[vrid] == null) {
            shared.byVrid[vrid] = new ArrayList<>(1);
        }
        shared.byVrid[vrid].add(instance);
        shared.shares.put(instance, share);
        shared.sizeReceiveBuffer();
        return shared;
    }

    void release(Shared shared, VrrpInstance instance) {
        int vrid = instance.config().vrid();
        List<VrrpInstance> list = shared.byVrid[vrid];
        if (list != null) {
            list.remove(instance);
            if (list.isEmpty()) {
                shared.byVrid[vrid] = null;
            }
        }
        shared.shares.remove(instance);
        if (shared.shares.isEmpty()) {
            shared.registration.close();
            shared.socket.close();
            sockets.remove(shared.key);
        } else {
            shared.sizeReceiveBuffer();
        }
    }

    /** Packets that could not be attributed to any instance (too short, not VRRP). */
    long malformed() {
        return malformed;
    }

    long unknownVrid() {
        return unknownVrid;
    }

    private void dispatch(Shared shared, ReceivedVrrpPacket packet) {
        long receivedNanos = clock.getAsLong();
        ReceivedAdvert advert = shared.memo.lookup(buffer, packet);
        if (advert == null) {
            advert = decode(packet);
            if (advert == null) {
                malformed++;
                return;
            }
            shared.memo.remember(advert);
        }
        VrrpDecodeResult result = advert.result();
        List<VrrpInstance> candidates = shared.byVrid[result.vrid()];
        if (candidates == null || candidates.isEmpty()) {
            unknownVrid++;
            return;
        }
        VrrpInstance target = candidates.get(0);
        if (candidates.size() > 1) {
            target = bySource(candidates, result.ip().source());
        }
        try {
            target.onAdvert(receivedNanos, advert);
        } catch (RuntimeException e) {
            if (target.packetLog.allow(PacketLogLimiter.Reason.PROCESSING_FAILED, receivedNanos)) {
                LOG.error("({}) failed to process an advert", target.name(), e);
            }
        }
    }

    /** Decodes the datagram in {@link #buffer}; {@code null} if it cannot be attributed to a VRID. */
    private ReceivedAdvert decode(ReceivedVrrpPacket packet) {
        VrrpDecodeResult result;
        if (packet.ipv6()) {
            int length = packet.copySource(addressScratch);
            VrrpAddress source = VrrpAddress.of(java.util.Arrays.copyOf(addressScratch, length));
            packet.copyDestination(addressScratch);
            VrrpAddress destination = VrrpAddress.of(java.util.Arrays.copyOf(addressScratch, length));
            view.clear().limit(packet.length()).position(packet.payloadOffset());
            result = codec.decodeIpv6(view, source, destination, packet.hopLimit(), false);
        } else {
            view.clear().limit(packet.length());
            result = codec.decodeIpv4(view);
        }
        if (result.vrid() < 0 || result.ip() == null) {
            return null;
        }
        return new ReceivedAdvert(result, result.ip().destination().isMulticast());
    }

    /** Adverts recognised as repeats of the last one of their VRID and not decoded again. */
    long repeatsNotDecoded() {
        long n = 0;
        for (Shared shared : sockets.values()) {
            n += shared.memo.hits();
        }
        return n;
    }

    /** Several unicast instances share a VRID on one socket when their peers differ. */
    private static VrrpInstance bySource(List<VrrpInstance> candidates, VrrpAddress source) {
        for (VrrpInstance candidate : candidates) {
            for (var peer : candidate.config().transport().unicastPeers()) {
                if (VrrpAddress.of(peer.address()).equals(source)) {
                    return candidate;
                }
            }
        }
        return candidates.get(0);
    }

    @Override
    public void close() {
        for (Shared shared : sockets.values()) {
            shared.registration.close();
            shared.socket.close();
        }
        sockets.clear();
    }
}
