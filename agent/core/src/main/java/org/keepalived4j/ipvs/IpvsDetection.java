package org.keepalived4j.ipvs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.keepalived4j.linux.Errno;
import org.keepalived4j.linux.GenericNetlink;
import org.keepalived4j.linux.Netlink;
import org.keepalived4j.linux.NetlinkChannel;
import org.keepalived4j.linux.NetlinkException;

/**
 * Decides whether the kernel has IPVS: resolves the "IPVS" generic-netlink family (after one
 * module-load attempt if the family is unknown), then asks the family for IPVS_CMD_GET_INFO,
 * which also proves the permission to use it. /proc/net/ip_vs is only reported as a hint; it
 * does not decide.
 */
final class IpvsDetection {

    private final NetlinkChannel channel;
    private final IpvsModuleLoader moduleLoader;
    private final Path procHint;

    IpvsDetection(NetlinkChannel channel, IpvsModuleLoader moduleLoader, Path procHint) {
        this.channel = channel;
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

        static Result unavailable(String reason, boolean absentFromKernel) {
            return new Result(-1, null, reason, absentFromKernel);
        }
    }

    Result probe() {
        int familyId;
        String moduleAttempt = null;
        try {
            try {
                familyId = GenericNetlink.familyId(channel, IpvsUapi.IPVS_GENL_NAME);
            } catch (NetlinkException e) {
                if (e.errno() != Errno.ENOENT) {
                    throw e;
                }
                moduleAttempt = moduleLoader.load();
                familyId = GenericNetlink.familyId(channel, IpvsUapi.IPVS_GENL_NAME);
            }
        } catch (NetlinkException e) {
            boolean absent = e.errno() == Errno.ENOENT;
            return Result.unavailable("generic netlink family \"IPVS\" " + (absent ? "not registered: " : "not resolved: ")
                    + e.errnoName() + (moduleAttempt == null ? "" : "; " + moduleAttempt) + "; " + procHint(), absent);
        } catch (IOException e) {
            return Result.unavailable("resolving the generic netlink family \"IPVS\" failed: " + e.getMessage(), false);
        }
        try {
            new IpvsMessageCodec().getInfo(channel.begin(familyId, Netlink.NLM_F_ACK));
            return new Result(familyId, new IpvsReplyParser().info(channel.execute("IPVS_CMD_GET_INFO")), null, false);
        } catch (NetlinkException e) {
            return Result.unavailable("IPVS_CMD_GET_INFO refused: " + e.errnoName()
                    + (e.errno() == Errno.EPERM ? " (CAP_NET_ADMIN is needed)" : ""), false);
        } catch (IOException e) {
            return Result.unavailable("talking to the IPVS family failed: " + e.getMessage(), false);
        }
    }

    private String procHint() {
        return procHint + (Files.exists(procHint) ? " present" : " absent");
    }
}
