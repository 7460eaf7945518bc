package org.keepalived4j.ipvs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntSupplier;

/**
 * Decides whether the kernel has IPVS: resolves the "IPVS" generic-netlink family with
 * CTRL_CMD_GETFAMILY (after one module-load attempt if the family is unknown), then asks the
 * family for IPVS_CMD_GET_INFO, which also proves the permission to use it. /proc/net/ip_vs is
 * only reported as a hint; it does not decide.
 */
final class IpvsDetection {

    private final NetlinkTransport transport;
    private final IpvsMessageCodec codec;
    private final IpvsReplyParser parser;
    private final IntSupplier sequences;
    private final IpvsModuleLoader moduleLoader;
    private final Path procHint;

    IpvsDetection(NetlinkTransport transport, IntSupplier sequences, IpvsModuleLoader moduleLoader, Path procHint) {
        this.transport = transport;
        this.codec = new IpvsMessageCodec(transport.hostOrder());
        this.parser = new IpvsReplyParser(transport.hostOrder());
        this.sequences = sequences;
        this.moduleLoader = moduleLoader;
        this.procHint = procHint;
    }

    /**
     * The outcome of the probe.
     *
     * @param familyId the IPVS family id, or -1 when unavailable
     * @param info the kernel's IPVS version, or {@code null} when unavailable
     * @param reason why IPVS cannot be used, or {@code null} when it can
     * @param absentFromKernel whether the reason is that the kernel has no IPVS at all
     */
    record Result(int familyId, IpvsInfo info, String reason, boolean absentFromKernel) {

        boolean available() {
            return reason == null;
        }
    }

    Result probe() {
        GenlReply reply;
        String moduleAttempt = null;
        try {
            reply = transport.exchange(codec.getFamily(sequences.getAsInt(), IpvsUapi.IPVS_GENL_NAME));
            if (reply.errno() == Errno.ENOENT) {
                moduleAttempt = moduleLoader.load();
                reply = transport.exchange(codec.getFamily(sequences.getAsInt(), IpvsUapi.IPVS_GENL_NAME));
            }
        } catch (IOException e) {
            return unavailable("resolving the generic netlink family \"IPVS\" failed: " + e.getMessage(), false);
        }
        if (!reply.ok()) {
            boolean absent = reply.errno() == Errno.ENOENT;
            String reason = "generic netlink family \"IPVS\" " + (absent ? "not registered: " : "not resolved: ")
                    + Errno.describe(reply.errno()) + (moduleAttempt == null ? "" : "; " + moduleAttempt) + "; "
                    + procHint();
            return unavailable(reason, absent);
        }
        try {
            int familyId = parser.family(reply).id();
            GenlReply infoReply = transport.exchange(codec.getInfo(familyId, sequences.getAsInt()));
            if (!infoReply.ok()) {
                return unavailable("IPVS_CMD_GET_INFO refused: " + Errno.describe(infoReply.errno())
                        + (infoReply.errno() == Errno.EPERM ? " (CAP_NET_ADMIN is needed)" : ""), false);
            }
            return new Result(familyId, parser.info(infoReply), null, false);
        } catch (IOException e) {
            return unavailable("talking to the IPVS family failed: " + e.getMessage(), false);
        }
    }

    private String procHint() {
        return procHint + (Files.exists(procHint) ? " present" : " absent");
    }

    private static Result unavailable(String reason, boolean absentFromKernel) {
        return new Result(-1, null, reason, absentFromKernel);
    }
}
