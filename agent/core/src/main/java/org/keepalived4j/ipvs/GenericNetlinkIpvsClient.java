package org.keepalived4j.ipvs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keepalived4j.linux.Netlink;
import org.keepalived4j.linux.NetlinkChannel;
import org.keepalived4j.linux.NetlinkMessage;
import org.keepalived4j.linux.NetlinkMessageWriter;
import org.keepalived4j.linux.SyscallException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link IpvsClient} speaking the kernel's "IPVS" generic-netlink family, as keepalived's libipvs
 * does, over a {@link NetlinkChannel}. Whether IPVS is there is decided once, at creation (see
 * {@link IpvsDetection}); without it the client logs one line, keeps no socket, and every call
 * throws {@link IpvsException} without touching the kernel. Calls are serialised: one request is
 * in flight at a time.
 */
public final class GenericNetlinkIpvsClient implements IpvsClient {

    private static final Logger LOG = LoggerFactory.getLogger(GenericNetlinkIpvsClient.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Path PROC_IP_VS = Path.of("/proc/net/ip_vs");

    /** Opens a channel to the kernel's generic netlink. */
    @FunctionalInterface
    interface ChannelOpener {
        NetlinkChannel open() throws IOException;
    }

    private final NetlinkChannel channel;
    private final IpvsDetection.Result detection;
    private final IpvsMessageCodec codec = new IpvsMessageCodec();
    private final IpvsReplyParser parser = new IpvsReplyParser();

    private GenericNetlinkIpvsClient(NetlinkChannel channel, IpvsDetection.Result detection) {
        this.channel = channel;
        this.detection = detection;
    }

    /** The client for this host's kernel; never throws (see {@link #available()}). */
    public static GenericNetlinkIpvsClient open() {
        return open(() -> NetlinkChannel.open(Netlink.NETLINK_GENERIC, TIMEOUT), new ModprobeIpvsModuleLoader(),
                PROC_IP_VS);
    }

    static GenericNetlinkIpvsClient open(ChannelOpener opener, IpvsModuleLoader moduleLoader, Path procHint) {
        NetlinkChannel channel;
        try {
            channel = opener.open();
        } catch (IOException | RuntimeException | LinkageError e) {
            return unavailable(null, IpvsDetection.Result.unavailable(
                    "cannot open a generic netlink socket: " + e.getMessage(), false));
        }
        IpvsDetection.Result result = new IpvsDetection(channel, moduleLoader, procHint).probe();
        if (!result.available()) {
            return unavailable(channel, result);
        }
        LOG.info("IPVS {} available (generic netlink family id {}, connection table size {})",
                result.info().versionString(), result.familyId(), result.info().connectionTableSize());
        return new GenericNetlinkIpvsClient(channel, result);
    }

    private static GenericNetlinkIpvsClient unavailable(NetlinkChannel channel, IpvsDetection.Result result) {
        if (channel != null) {
            channel.close();
        }
        LOG.warn("IPVS not available{} ({}): running in monitor-only mode — real servers are checked and "
                + "published, nothing is programmed", result.absentFromKernel() ? " in this kernel" : "",
                result.reason());
        return new GenericNetlinkIpvsClient(null, result);
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
        String what = "list services";
        codec.dumpServices(begin(what, Netlink.NLM_F_DUMP));
        List<IpvsService> services = new ArrayList<>();
        for (NetlinkMessage message : dump(what)) {
            services.add(parse(what, () -> parser.service(message)));
        }
        return services;
    }

    @Override
    public synchronized void addService(IpvsService service) throws IpvsException {
        String what = "add service " + service.key().label();
        codec.newService(begin(what, Netlink.NLM_F_ACK), service);
        execute(what);
    }

    @Override
    public synchronized void updateService(IpvsService service) throws IpvsException {
        String what = "update service " + service.key().label();
        codec.setService(begin(what, Netlink.NLM_F_ACK), service);
        execute(what);
    }

    @Override
    public synchronized void deleteService(IpvsServiceKey key) throws IpvsException {
        String what = "delete service " + key.label();
        codec.deleteService(begin(what, Netlink.NLM_F_ACK), key);
        execute(what);
    }

    @Override
    public synchronized List<IpvsDestination> destinations(IpvsServiceKey service) throws IpvsException {
        String what = "list destinations of " + service.label();
        codec.dumpDestinations(begin(what, Netlink.NLM_F_DUMP), service);
        List<IpvsDestination> destinations = new ArrayList<>();
        for (NetlinkMessage message : dump(what)) {
            destinations.add(parse(what, () -> parser.destination(message, service.ipv6())));
        }
        return destinations;
    }

    @Override
    public synchronized void addDestination(IpvsServiceKey service, IpvsDestination destination)
            throws IpvsException {
        String what = "add destination " + destination.label() + " to " + service.label();
        codec.newDestination(begin(what, Netlink.NLM_F_ACK), service, destination);
        execute(what);
    }

    @Override
    public synchronized void updateDestination(IpvsServiceKey service, IpvsDestination destination)
            throws IpvsException {
        String what = "update destination " + destination.label() + " of " + service.label();
        codec.setDestination(begin(what, Netlink.NLM_F_ACK), service, destination);
        execute(what);
    }

    @Override
    public synchronized void deleteDestination(IpvsServiceKey service, IpvsDestination destination)
            throws IpvsException {
        String what = "delete destination " + destination.label() + " from " + service.label();
        codec.deleteDestination(begin(what, Netlink.NLM_F_ACK), service, destination);
        execute(what);
    }

    @Override
    public synchronized void flush() throws IpvsException {
        codec.flush(begin("flush", Netlink.NLM_F_ACK));
        execute("flush");
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            channel.close();
        }
    }

    // a request of the IPVS family; NLM_F_ACK pairs with execute, NLM_F_DUMP with dump
    private NetlinkMessageWriter begin(String what, int flags) throws IpvsException {
        if (!detection.available()) {
            throw new IpvsException("cannot " + what + ": IPVS is not available (" + detection.reason() + ")", 0);
        }
        return channel.begin(detection.familyId(), flags);
    }

    private void execute(String what) throws IpvsException {
        try {
            channel.execute(what);
        } catch (SyscallException e) {
            throw new IpvsException(e.getMessage(), e.errno(), e);
        }
    }

    private List<NetlinkMessage> dump(String what) throws IpvsException {
        try {
            return channel.dump(what);
        } catch (SyscallException e) {
            throw new IpvsException(e.getMessage(), e.errno(), e);
        }
    }

    private static <T> T parse(String what, Parse<T> parse) throws IpvsException {
        try {
            return parse.run();
        } catch (MalformedReplyException e) {
            throw new IpvsException("cannot " + what + ": malformed reply: " + e.getMessage(), 0, e);
        }
    }

    @FunctionalInterface
    private interface Parse<T> {
        T run() throws MalformedReplyException;
    }
}
