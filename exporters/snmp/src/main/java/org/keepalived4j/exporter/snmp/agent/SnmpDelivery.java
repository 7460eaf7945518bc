package org.keepalived4j.exporter.snmp.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import org.keepalived4j.exporter.snmp.Notification;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.TransportMapping;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TcpAddress;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;

/**
 * Sends one sink's notifications with an snmp4j session of its own (its socket, its USM user):
 * SNMPv1 traps mapped by {@link V1TrapMapping}, SNMPv2c and v3 traps and informs with
 * sysUpTime.0 and snmpTrapOID.0 first. SNMPv3 traps name this engine as authoritative; informs
 * discover the receiver's engine. An inform unacknowledged after its retries is lost, and logged.
 */
final class SnmpDelivery implements QueuedSink.Delivery {

    private final SinkSettings sink;
    private final Snmp snmp;
    private final Target<Address> target;
    private final Uptime uptime;
    private final InetAddress v1AgentAddress;
    private final OctetString trapEngineId;
    private final RepeatedLog lossLog;

    private SnmpDelivery(SinkSettings sink, Snmp snmp, Target<Address> target, Uptime uptime,
            InetAddress v1AgentAddress, OctetString trapEngineId, RepeatedLog lossLog) {
        this.sink = sink;
        this.snmp = snmp;
        this.target = target;
        this.uptime = uptime;
        this.v1AgentAddress = v1AgentAddress;
        this.trapEngineId = trapEngineId;
        this.lossLog = lossLog;
    }

    /**
     * Opens the sink's socket. {@code engineId}/{@code boots}: the local engine, which a
     * {@code -e} replaces for this sink's traps.
     */
    static SnmpDelivery open(SinkSettings sink, OctetString engineId, int boots, Uptime uptime,
            InetAddress v1AgentAddress, RepeatedLog lossLog) throws IOException {
        OctetString localEngine = sink.securityEngineId() != null && !sink.inform() ? sink.securityEngineId() : engineId;
        List<UsmUserSettings> users = sink.user() == null ? List.of() : List.of(sink.user());
        // a sender answers no requests, so it has no counters to serve
        Snmp snmp = SnmpStack.create(localEngine, boots, users, UsmUser.LocalizationGrant.any, event -> { });
        try {
            SnmpAddress from = sink.bind() != null ? sink.bind()
                    : new SnmpAddress(sink.target().transport(), sink.target().ipv6(), null, 0);
            TransportMapping<?> transport = SnmpStack.transport(from, false);
            snmp.addTransportMapping(transport);
            snmp.listen();
            return new SnmpDelivery(sink, snmp, target(sink, localEngine), uptime, v1AgentAddress, localEngine, lossLog);
        } catch (IOException | RuntimeException e) {
            SnmpStack.close(snmp);
            throw e;
        }
    }

    private static Target<Address> target(SinkSettings sink, OctetString localEngine) throws IOException {
        InetAddress host = SnmpStack.resolve(sink.target());
        Address address = sink.target().transport().equals("tcp")
                ? new TcpAddress(host, sink.target().port()) : new UdpAddress(host, sink.target().port());
        Target<Address> t;
        if (sink.version() == SnmpConstants.version3) {
            UserTarget<Address> u = new UserTarget<>();
            u.setAddress(address);
            u.setSecurityName(new OctetString(sink.user().name()));
            u.setSecurityLevel(sink.level().snmp4j());
            if (!sink.inform()) {
                u.setAuthoritativeEngineID(localEngine.getValue()); // traps: the sender is authoritative
            }
            t = u;
        } else {
            t = new CommunityTarget<>(address, new OctetString(sink.community()));
        }
        t.setVersion(sink.version());
        t.setRetries(sink.retries());
        t.setTimeout(sink.timeout().toMillis());
        return t;
    }

    @Override
    public void deliver(Notification n) {
        try {
            PDU pdu = pdu(n);
            if (!sink.inform()) {
                snmp.send(pdu, target);
                return;
            }
            ResponseEvent<Address> answer = snmp.send(pdu, target);
            if (answer == null || answer.getResponse() == null) {
                lossLog.warn("SNMP inform {} to {} lost: no acknowledgement after {} tries", n.trapOid(),
                        sink.target(), sink.retries() + 1);
            } else if (answer.getResponse().getErrorStatus() != PDU.noError) {
                lossLog.warn("SNMP inform {} to {} refused: {}", n.trapOid(), sink.target(),
                        answer.getResponse().getErrorStatusText());
            }
        } catch (IOException e) {
            lossLog.warn("SNMP notification {} to {} not sent: {}", n.trapOid(), sink.target(), e.getMessage());
        }
    }

    private PDU pdu(Notification n) {
        if (sink.version() == SnmpConstants.version1) {
            return V1TrapMapping.toV1(n, uptime.now(), v1AgentAddress);
        }
        PDU pdu;
        if (sink.version() == SnmpConstants.version3) {
            ScopedPDU scoped = new ScopedPDU();
            scoped.setContextName(new OctetString(sink.contextName()));
            if (sink.contextEngineId() != null) {
                scoped.setContextEngineID(sink.contextEngineId());
            } else if (!sink.inform()) {
                scoped.setContextEngineID(trapEngineId);
            }
            pdu = scoped;
        } else {
            pdu = new PDU();
        }
        pdu.setType(sink.inform() ? PDU.INFORM : PDU.TRAP);
        pdu.add(new VariableBinding(SnmpConstants.sysUpTime, uptime.now()));
        pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID, n.trapOid()));
        pdu.addAll(n.varbinds());
        return pdu;
    }

    @Override
    public void close() {
        SnmpStack.close(snmp);
    }

    @Override
    public String toString() {
        return sink.toString();
    }
}
