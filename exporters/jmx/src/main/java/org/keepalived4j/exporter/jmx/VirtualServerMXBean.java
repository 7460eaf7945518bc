package org.keepalived4j.exporter.jmx;

/**
 * A {@code virtual_server}: {@code keepalived:type=VirtualServer,name="IP:PORT/proto"} (or
 * {@code fwmark:N}, {@code group:NAME}). Sends an
 * {@link javax.management.AttributeChangeNotification} for {@code QuorumMet} when the quorum is
 * gained or lost.
 */
public interface VirtualServerMXBean {

    /** The service key: {@code IP:PORT/proto}, {@code [IPv6]:PORT/proto}, {@code fwmark:N} or {@code group:NAME}. */
    String getKey();

    /** {@code tcp}, {@code udp} or {@code sctp}. */
    String getProtocol();

    /** The IPVS scheduler ({@code lb_algo}), e.g. {@code rr}. */
    String getScheduler();

    /** The forwarding method ({@code lb_kind}): NAT, DR or TUN. */
    String getForwardingMethod();

    /** The total weight of live real servers needed for the service to be up ({@code quorum}). */
    int getQuorum();

    /** The quorum hysteresis ({@code hysteresis}). */
    int getHysteresis();

    /** Whether the weight of the live real servers currently meets the quorum. */
    boolean isQuorumMet();

    /** {@code IP:PORT} of the sorry server, or {@code null} if none is configured. */
    String getSorryServer();

    /** Whether the sorry server is in use now (the quorum is lost). */
    boolean isSorryServerActive();

    /** Whether the service is programmed into the kernel's IPVS table (false in monitor-only mode). */
    boolean isIpvsProgrammed();

    /** How many of its real servers are up now. */
    int getRealServersUp();

    /** How many real servers it has. */
    int getRealServersTotal();
}
