package org.keepalived4j.exporter.snmp.agent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.keepalived4j.exporter.snmp.MibView;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.SNMP4JSettings;
import org.snmp4j.Snmp;
import org.snmp4j.TransportMapping;
import org.snmp4j.event.AuthenticationFailureEvent;
import org.snmp4j.event.AuthenticationFailureListener;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TransportIpAddress;

/**
 * The standalone agent: one snmp4j session listening on every {@code agentaddress}, answering
 * from the daemon's MIBs and its own objects.
 */
final class SnmpAgent implements AutoCloseable {

    /** The largest message a UDP datagram holds; snmpEngineMaxMessageSize. */
    private static final int MAX_MESSAGE_SIZE = 65507;

    private final Snmp snmp;
    private final List<TransportMapping<?>> transports;

    private SnmpAgent(Snmp snmp, List<TransportMapping<?>> transports) {
        this.snmp = snmp;
        this.transports = List.copyOf(transports);
    }

    /** Binds every address and starts answering; throws, having closed what it opened, when one cannot be bound. */
    static SnmpAgent start(SnmpAgentSettings settings, MibView view, Uptime uptime, OctetString engineId, int boots,
            RepeatedLog refusals) throws IOException {
        // snmp4j's one process-wide report setting. As net-snmp's snmpd, send the USM reports that
        // cannot use the request's level (unknown user, wrong digest) unauthenticated, so that a
        // client with a wrong user or passphrase is told so at once instead of timing out.
        SNMP4JSettings.setReportSecurityLevelStrategy(SNMP4JSettings.ReportSecurityLevelStrategy.noAuthNoPrivIfNeeded);
        AgentCounters counters = new AgentCounters();
        Snmp snmp = SnmpStack.create(engineId, boots, settings.users(), UsmUser.LocalizationGrant.incoming, counters);
        List<TransportMapping<?>> transports = new ArrayList<>();
        try {
            for (SnmpAddress a : settings.agentAddresses()) {
                TransportMapping<?> t = SnmpStack.transport(a, true);
                transports.add(t);
                snmp.addTransportMapping(t);
            }
            USM usm = snmp.getUSM();
            MibView served = new MergedMibView(List.of(new AgentObjects(uptime, counters, usm, MAX_MESSAGE_SIZE), view));
            AccessPolicy policy = new AccessPolicy(settings.communities(), settings.userAccess());
            snmp.addCommandResponder(new AgentResponder(served, policy, counters, refusals, refusals));
            ((MessageDispatcherImpl) snmp.getMessageDispatcher()).addAuthenticationFailureListener(
                    new AuthenticationFailureListener() {
                        @Override
                        public <A extends Address> void authenticationFailure(AuthenticationFailureEvent<A> e) {
                            String why = usmError(e.getError());
                            if (why != null) {
                                refusals.warn("SNMPv3 request from {} refused by USM ({})", e.getAddress(), why);
                            }
                        }
                    });
            snmp.listen();
            return new SnmpAgent(snmp, transports);
        } catch (IOException | RuntimeException e) {
            SnmpStack.close(snmp);
            throw e;
        }
    }

    /**
     * What a refused SNMPv3 request was refused for, or {@code null} when the refusal is part of
     * the protocol (engine discovery, time synchronization) rather than a failure.
     */
    private static String usmError(int status) {
        return switch (status) {
            case SnmpConstants.SNMPv3_USM_UNKNOWN_SECURITY_NAME -> "unknown user";
            case SnmpConstants.SNMPv3_USM_AUTHENTICATION_FAILURE -> "wrong digest";
            case SnmpConstants.SNMPv3_USM_DECRYPTION_ERROR -> "decryption error";
            case SnmpConstants.SNMPv3_USM_UNSUPPORTED_SECURITY_LEVEL -> "unsupported security level";
            default -> null;
        };
    }

    /** Where the agent listens, with the ports the system picked for port 0. */
    List<InetSocketAddress> boundAddresses() {
        List<InetSocketAddress> bound = new ArrayList<>();
        for (TransportMapping<?> t : transports) {
            if (t.getListenAddress() instanceof TransportIpAddress a) {
                bound.add(new InetSocketAddress(a.getInetAddress(), a.getPort()));
            }
        }
        return bound;
    }

    @Override
    public void close() {
        SnmpStack.close(snmp);
    }
}
