package org.keepalived4j.ipvs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keepalived4j.linux.GenericNetlinkSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link IpvsClient} speaking the kernel's "IPVS" generic-netlink family, as keepalived's libipvs
 * does. Whether IPVS is there is decided once, at creation (see {@link IpvsDetection}); without
 * it the client logs one line, keeps no socket, and every call throws {@link IpvsException}
 * without touching the kernel. Calls are serialised: one request is in flight at a time.
 */
public final class GenericNetlinkIpvsClient implements IpvsClient {

    private static final Logger LOG = LoggerFactory.getLogger(GenericNetlinkIpvsClient.class);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final Path PROC_IP_VS = Path.of("/proc/net/ip_vs");
    private static final int DUMP_ATTEMPTS = 3;

    /** Opens a transport to the kernel. */
    @FunctionalInterface
    interface TransportOpener {
        NetlinkTransport open() throws IOException;
    }

    private final NetlinkTransport transport;
    private final IpvsDetection.Result detection;
    private final IpvsMessageCodec codec;
    private final IpvsReplyParser parser;
    private int sequence;

    private GenericNetlinkIpvsClient(NetlinkTransport transport, IpvsDetection.Result detection, int lastSequence) {
        this.transport = transport;
        this.detection = detection;
        this.codec = transport == null ? null : new IpvsMessageCodec(transport.hostOrder());
        this.parser = transport == null ? null : new IpvsReplyParser(transport.hostOrder());
        this.sequence = lastSequence;
    }

    /** The client for this host's kernel; never throws (see {@link #available()}). */
    public static GenericNetlinkIpvsClient open() {
        return open(() -> SocketNetlinkTransport.open(DEFAULT_TIMEOUT), new ModprobeIpvsModuleLoader(), PROC_IP_VS);
    }

    static GenericNetlinkIpvsClient open(TransportOpener opener, IpvsModuleLoader moduleLoader, Path procHint) {
        NetlinkTransport transport;
        try {
            transport = opener.open();
        } catch (IOException | RuntimeException | LinkageError e) {
            return unavailable(null, new IpvsDetection.Result(-1, null,
                    "cannot open a generic netlink socket: " + e.getMessage(), false));
        }
        int[] counter = {0};
        IpvsDetection.Result result = new IpvsDetection(transport, () -> ++counter[0], moduleLoader, procHint).probe();
        if (!result.available()) {
            return unavailable(transport, result);
        }
        LOG.info("IPVS {} available (generic netlink family id {}, connection table size {})",
                result.info().versionString(), result.familyId(), result.info().connectionTableSize());
        return new GenericNetlinkIpvsClient(transport, result, counter[0]);
    }

    private static GenericNetlinkIpvsClient unavailable(NetlinkTransport transport, IpvsDetection.Result result) {
        if (transport != null) {
            transport.close();
        }
        LOG.warn("IPVS not available{} ({}): running in monitor-only mode — real servers are checked and "
                + "published, nothing is programmed", result.absentFromKernel() ? " in this kernel" : "",
                result.reason());
        return new GenericNetlinkIpvsClient(null, result, 0);
    }

    @Override
    public boolean available() {
        return detection.available();
    }

    /** Why IPVS cannot be used, when {@link #available()} is false. */
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(detection.reason());
    }

    /** The kernel's IPVS version, when available. */
    public Optional<IpvsInfo> info() {
        return Optional.ofNullable(detection.info());
    }

    @Override
    public synchronized List<IpvsService> services() throws IpvsException {
        requireAvailable("list services");
        List<IpvsService> services = new ArrayList<>();
        for (GenlMessage message : dump("list services", () -> codec.dumpServices(family(), next()))) {
            services.add(parse("list services", () -> parser.service(message)));
        }
        return services;
    }

    @Override
    public synchronized void addService(IpvsService service) throws IpvsException {
        requireAvailable("add service " + service.key().label());
        request("add service " + service.key().label(), codec.newService(family(), next(), service));
    }

    @Override
    public synchronized void updateService(IpvsService service) throws IpvsException {
        requireAvailable("update service " + service.key().label());
        request("update service " + service.key().label(), codec.setService(family(), next(), service));
    }

    @Override
    public synchronized void deleteService(IpvsServiceKey key) throws IpvsException {
        requireAvailable("delete service " + key.label());
        request("delete service " + key.label(), codec.deleteService(family(), next(), key));
    }

    @Override
    public synchronized List<IpvsDestination> destinations(IpvsServiceKey service) throws IpvsException {
        String what = "list destinations of " + service.label();
        requireAvailable(what);
        List<IpvsDestination> destinations = new ArrayList<>();
        for (GenlMessage message : dump(what, () -> codec.dumpDestinations(family(), next(), service))) {
            destinations.add(parse(what, () -> parser.destination(message, service.ipv6())));
        }
        return destinations;
    }

    @Override
    public synchronized void addDestination(IpvsServiceKey service, IpvsDestination destination)
            throws IpvsException {
        String what = "add destination " + destination.label() + " to " + service.label();
        requireAvailable(what);
        request(what, codec.newDestination(family(), next(), service, destination));
    }

    @Override
    public synchronized void updateDestination(IpvsServiceKey service, IpvsDestination destination)
            throws IpvsException {
        String what = "update destination " + destination.label() + " of " + service.label();
        requireAvailable(what);
        request(what, codec.setDestination(family(), next(), service, destination));
    }

    @Override
    public synchronized void deleteDestination(IpvsServiceKey service, IpvsDestination destination)
            throws IpvsException {
        String what = "delete destination " + destination.label() + " from " + service.label();
        requireAvailable(what);
        request(what, codec.deleteDestination(family(), next(), service, destination));
    }

    @Override
    public synchronized void flush() throws IpvsException {
        requireAvailable("flush");
        request("flush", codec.flush(family(), next()));
    }

    @Override
    public synchronized void close() {
        if (transport != null) {
            transport.close();
        }
    }

    private void requireAvailable(String what) throws IpvsException {
        if (!detection.available()) {
            throw new IpvsException("cannot " + what + ": IPVS is not available (" + detection.reason() + ")", 0);
        }
    }

    private int family() {
        return detection.familyId();
    }

    private int next() {
        sequence = sequence == Integer.MAX_VALUE ? 1 : sequence + 1;
        return sequence;
    }

    private void request(String what, byte[] message) throws IpvsException {
        GenlReply reply = exchange(what, message);
        if (!reply.ok()) {
            throw refused(what, reply);
        }
    }

    private List<GenlMessage> dump(String what, RequestBuilder builder) throws IpvsException {
        for (int attempt = 1; ; attempt++) {
            GenlReply reply = exchange(what, builder.build());
            if (!reply.ok()) {
                throw refused(what, reply);
            }
            if (!reply.dumpInterrupted() || attempt == DUMP_ATTEMPTS) {
                if (reply.dumpInterrupted()) {
                    LOG.warn("IPVS: {}: the table kept changing during {} dumps; using the last one", what, attempt);
                }
                return reply.messages();
            }
        }
    }

    private GenlReply exchange(String what, byte[] message) throws IpvsException {
        try {
            return transport.exchange(message);
        } catch (IOException e) {
            int errno = e instanceof GenericNetlinkSocket.ErrnoException
                    ? ((GenericNetlinkSocket.ErrnoException) e).errno() : 0;
            throw new IpvsException("cannot " + what + ": " + e.getMessage(), errno);
        }
    }

    private static IpvsException refused(String what, GenlReply reply) {
        String detail = reply.errorMessage() == null ? "" : " — " + reply.errorMessage();
        return new IpvsException("cannot " + what + ": " + Errno.describe(reply.errno()) + detail, reply.errno());
    }

    private static <T> T parse(String what, Parse<T> parse) throws IpvsException {
        try {
            return parse.run();
        } catch (MalformedReplyException e) {
            throw new IpvsException("cannot " + what + ": malformed reply: " + e.getMessage(), 0);
        }
    }

    @FunctionalInterface
    private interface RequestBuilder {
        byte[] build();
    }

    @FunctionalInterface
    private interface Parse<T> {
        T run() throws MalformedReplyException;
    }
}
